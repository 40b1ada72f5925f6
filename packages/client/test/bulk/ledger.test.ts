import { describe, expect, it } from "vitest";
import { Ledger } from "../../src/bulk/ledger.js";
import type { ProgressEvent } from "../../src/bulk/report.js";

describe("Ledger: which list an id lands in", () => {
  it("puts every id in exactly one list, in input order", () => {
    const ledger = new Ledger(["a", "b", "c", "d", "e"], 2, []);
    ledger.settle(["c", "a"], "unassigned");
    ledger.settle(["b"], "notUnassigned");
    ledger.settle(["d"], "rejected");
    ledger.settleRemaining();
    expect(ledger.report()).toMatchObject({
      unassigned: ["a", "c"],
      notUnassigned: ["b"],
      rejected: ["d"],
      unknown: [],
      skipped: ["e"],
      duplicates: 2,
    });
  });

  it("turns notUnassigned, rejected and skipped into unknown for ids in doubt", () => {
    const ledger = new Ledger(["a", "b", "c", "d"], 0, []);
    ledger.markInDoubt(["a", "b", "c", "d"]);
    ledger.settle(["a"], "notUnassigned");
    ledger.settle(["b"], "rejected");
    ledger.settle(["c"], "unassigned");
    ledger.settleRemaining();
    const report = ledger.report();
    expect(report.unknown).toEqual(["a", "b", "d"]);
    expect(report.unassigned).toEqual(["c"]);
  });

  it("treats possiblyProcessed ids as in doubt from the start, ignoring ids not in the run", () => {
    const ledger = new Ledger(["a", "b"], 0, ["a", "zzz"]);
    ledger.settle(["a", "b"], "notUnassigned");
    expect(ledger.report()).toMatchObject({ notUnassigned: ["b"], unknown: ["a"] });
  });

  it("never settles an id twice", () => {
    const ledger = new Ledger(["a"], 0, []);
    ledger.settle(["a"], "unassigned");
    ledger.settle(["a"], "notUnassigned");
    expect(ledger.report()).toMatchObject({ unassigned: ["a"], notUnassigned: [] });
  });

  it("emits settled events with running totals, split by final outcome", () => {
    const events: ProgressEvent[] = [];
    const ledger = new Ledger(["a", "b", "c"], 0, ["b"], (event) => events.push(event));
    ledger.sending(["a", "b", "c"], 1);
    ledger.settle(["a", "b"], "notUnassigned");
    ledger.settleRemaining();
    expect(events).toEqual([
      { type: "sending", flowInstanceIds: ["a", "b", "c"], attempt: 1, settled: 0, total: 3 },
      { type: "settled", flowInstanceIds: ["a"], outcome: "notUnassigned", settled: 1, total: 3 },
      { type: "settled", flowInstanceIds: ["b"], outcome: "unknown", settled: 2, total: 3 },
      { type: "settled", flowInstanceIds: ["c"], outcome: "skipped", settled: 3, total: 3 },
    ]);
  });
});
