import { describe, expect, it } from "vitest";
import { planBatches, splitInHalves } from "../../src/bulk/plan.js";

describe("planBatches", () => {
  it("cuts ids into the fewest batches of at most the batch size, in order", () => {
    expect(planBatches(["a", "b", "c", "d", "e"], 2)).toEqual({
      ids: ["a", "b", "c", "d", "e"],
      duplicates: 0,
      batches: [["a", "b"], ["c", "d"], ["e"]],
    });
  });

  it("makes one full batch when the count is exactly the batch size", () => {
    expect(planBatches(["a", "b", "c"], 3).batches).toEqual([["a", "b", "c"]]);
  });

  it("drops repeated ids, keeps the first occurrence's place, and counts the extra occurrences", () => {
    expect(planBatches(["a", "b", "a", "c", "a", "b"], 2)).toEqual({
      ids: ["a", "b", "c"],
      duplicates: 3,
      batches: [["a", "b"], ["c"]],
    });
  });

  it("plans nothing for no ids", () => {
    expect(planBatches([], 200)).toEqual({ ids: [], duplicates: 0, batches: [] });
  });
});

describe("splitInHalves", () => {
  it("splits an even count evenly", () => {
    expect(splitInHalves(["a", "b", "c", "d"])).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("gives the left half the extra item of an odd count", () => {
    expect(splitInHalves(["a", "b", "c"])).toEqual([["a", "b"], ["c"]]);
    expect(splitInHalves(["a"])).toEqual([["a"], []]);
  });
});
