import { describe, expect, it } from "vitest";
import { OUTCOMES, type Outcome, type UnassignError } from "../../src/bulk/report.js";
import { buildReport } from "../../src/bulk/report-builder.js";

describe("buildReport", () => {
  it("lists each id under its outcome in input order, unsettled ids as skipped", () => {
    const outcomes = new Map<string, Outcome>([
      ["1", "unassigned"],
      ["2", "notUnassigned"],
      ["3", "rejected"],
      ["4", "unknown"],
      ["5", "skipped"],
      ["7", "unassigned"],
    ]);
    const report = buildReport(["7", "1", "2", "3", "4", "5", "6"], (id) => outcomes.get(id), {
      duplicates: 2,
      requests: 5,
      requestIds: ["r1"],
      errors: [],
    });
    expect(report).toEqual({
      unassigned: ["7", "1"],
      notUnassigned: ["2"],
      rejected: ["3"],
      unknown: ["4"],
      skipped: ["5", "6"],
      duplicates: 2,
      requests: 5,
      requestIds: ["r1"],
      errors: [],
    });
  });

  it("copies the request ids and errors, so later bookkeeping cannot change a report given out", () => {
    const requestIds = ["r1"];
    const error: UnassignError = {
      kind: "server",
      status: 500,
      requestId: "r1",
      message: "Gong failed with 500",
      messages: [],
      flowInstanceIds: ["1"],
    };
    const errors = [error];
    const report = buildReport([], () => undefined, { duplicates: 0, requests: 1, requestIds, errors });
    requestIds.push("r2");
    errors.push(error);
    expect(report.requestIds).toEqual(["r1"]);
    expect(report.errors).toEqual([error]);
  });

  it("names the five outcomes in report order", () => {
    expect(OUTCOMES).toEqual(["unassigned", "notUnassigned", "rejected", "unknown", "skipped"]);
  });
});
