import type { UnassignReport } from "@gong-flows/client";
import { describe, expect, it } from "vitest";
import { renderSummary } from "../src/render.js";
import { describeResume } from "../src/unassign.js";

const ids = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => String(234599484800000 + from + i));

function report(overrides: Partial<UnassignReport>): UnassignReport {
  return {
    unassigned: [],
    notUnassigned: [],
    rejected: [],
    unknown: [],
    skipped: [],
    duplicates: 0,
    requests: 0,
    requestIds: [],
    errors: [],
    ...overrides,
  } as UnassignReport;
}

const refused = (flowInstanceIds: string[], requestId: string) =>
  ({
    kind: "bad_request",
    status: 400,
    requestId,
    messages: ["One or more of the given flowInstanceIds does not exist"],
    message: "Gong refused the request (400)",
    flowInstanceIds,
  }) as unknown as UnassignReport["errors"][number];

describe("the summary's failed requests", () => {
  it("says the ids were carried by the failed requests, not that they failed", () => {
    const all = ids(600);
    const text = renderSummary(
      report({
        unassigned: all.slice(0, 597),
        rejected: all.slice(597),
        requests: 40,
        errors: [
          refused(all.slice(0, 200), "r1"),
          refused(all.slice(200, 400), "r2"),
          refused(all.slice(400), "r3"),
        ],
      }),
    );
    expect(text).toContain("Failed requests (what became of their ids is in the lists above):");
    expect(text).toContain(
      "HTTP 400 bad_request: One or more of the given flowInstanceIds does not exist — 3 requests carrying 600 " +
        "ids between them (requestId r1, r2, r3)",
    );
    expect(text).not.toMatch(/, 600 ids/);
  });
});

describe("a run the operator stopped", () => {
  const stoppedMidIsolation = report({
    unassigned: ids(100),
    skipped: ids(300, 100),
    requests: 3,
    errors: [refused(ids(200, 100), "r1")],
  });

  it("says it was a stop, not that the isolation budget ran out", () => {
    const text = renderSummary(stoppedMidIsolation, { stopped: true });
    expect(text).toContain("You stopped the run: nothing more was sent after the requests in flight.");
    expect(text).not.toContain("--max-isolation-requests");
  });

  it("keeps the budget advice for a run that was not stopped", () => {
    expect(renderSummary(stoppedMidIsolation, { stopped: false })).toContain(
      "raise --max-isolation-requests",
    );
  });
});

describe("a resumed run", () => {
  it("says how many ids the journal already settled, and how", () => {
    const settled = new Map([
      ["1", "unassigned"],
      ["2", "unassigned"],
      ["3", "rejected"],
    ] as const);
    expect(describeResume(settled, 10)).toBe(
      "resuming: the journal already settled 3 of 10 ids (2 unassigned, 1 rejected); 7 ids are left to send",
    );
    expect(describeResume(settled, 3)).toMatch(/nothing is left to send$/);
  });
});
