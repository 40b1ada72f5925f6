import { describe, expect, it } from "vitest";
import { describeValue } from "../src/bulk/validate.js";
import { GongServerError } from "../src/index.js";
import { GongInputError, shorten } from "../src/input-error.js";

const sixty = "x".repeat(60);

describe("shorten and describeValue", () => {
  it("keep a value of up to 60 characters whole", () => {
    expect(shorten(sixty)).toBe(sixty);
    expect(shorten("")).toBe("");
    expect(describeValue('a"b')).toBe('"a\\"b"');
  });

  it("cut a longer value after 60 characters and mark the cut", () => {
    expect(shorten(`${sixty}y`)).toBe(`${sixty}…`);
    expect(describeValue(`${sixty}yz`)).toBe(`"${sixty}…"`);
  });
});

describe("GongInputError", () => {
  it("is a TypeError naming where the problem is", () => {
    const error = new GongInputError("ids[3] is empty", { field: "ids", index: 3, value: "" });
    expect(error).toBeInstanceOf(TypeError);
    expect([error.name, error.message, error.field, error.index, error.value]).toEqual([
      "GongInputError",
      "ids[3] is empty",
      "ids",
      3,
      "",
    ]);
  });

  it("has no index or value unless given", () => {
    const error = new GongInputError("m", { field: "batchSize" });
    expect([error.index, error.value]).toEqual([null, null]);
    expect(new GongInputError("m", { field: "auth", index: null, value: null }).value).toBeNull();
  });

  it("keeps a shortened value", () => {
    expect(new GongInputError("m", { field: "ids", value: `${sixty}tail` }).value).toBe(`${sixty}…`);
  });
});

describe("GongApiError", () => {
  it("has no cause unless given one", () => {
    expect(Object.hasOwn(new GongServerError("m"), "cause")).toBe(false);
    expect(Object.hasOwn(new GongServerError("m", { status: 500 }), "cause")).toBe(false);
    expect(new GongServerError("m", { cause: null }).cause).toBeNull();
  });
});
