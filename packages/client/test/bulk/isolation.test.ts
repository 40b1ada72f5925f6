import { describe, expect, it } from "vitest";
import { testClient } from "../helpers.js";
import { simulatedGong } from "./sim-gong.js";

/** Flow instance ids are digit strings: `${prefix}1000`, `${prefix}1001`, … */
const id = (index: number, prefix = "9") => `${prefix}${1000 + index}`;
const ids = (count: number, prefix = "9") => Array.from({ length: count }, (_, i) => id(i, prefix));

async function isolateIn(batch: string[], bad: string[], options: { maxIsolationRequests?: number } = {}) {
  const gong = simulatedGong({ assigned: batch.filter((id) => !bad.includes(id)) });
  const { client } = testClient({ fetch: gong.fetch, ...options });
  const report = await client.unassignFlowInstances(batch);
  return { report, gong };
}

describe("isolating refused ids in a 400 batch", () => {
  it("unassigns the valid ids and rejects only the nonexistent one, at about 2·log2(200) extra requests", async () => {
    const batch = ids(200);
    const { report, gong } = await isolateIn(batch, [id(137)]);
    expect(report.rejected).toEqual([id(137)]);
    expect(report.unassigned).toHaveLength(199);
    expect(report.notUnassigned).toEqual([]);
    const extra = report.requests - 1;
    expect(extra).toBeLessThanOrEqual(Math.ceil(2 * Math.log2(200)));
    expect(extra).toBeGreaterThanOrEqual(Math.ceil(Math.log2(200)));
    expect(gong.reSentAfterListing).toEqual([]);
    expect(report.errors.filter((e) => e.kind === "bad_request").at(-1)?.flowInstanceIds).toEqual([id(137)]);
  });

  it("isolates five refused ids", async () => {
    const bad = [id(3), id(50), id(51), id(120), id(199)];
    const { report } = await isolateIn(ids(200), bad);
    expect(report.rejected).toEqual(bad);
    expect(report.unassigned).toHaveLength(195);
    expect(report.requests - 1).toBeLessThanOrEqual(5 * Math.ceil(2 * Math.log2(200)));
  });

  it("stops splitting once the isolation budget is spent and skips the rest", async () => {
    const batch = ids(64);
    // Every id refused: without a budget this would cost 2·64 - 2 extra requests.
    const gong = simulatedGong({ assigned: [] });
    const { client } = testClient({ fetch: gong.fetch, maxIsolationRequests: 10 });
    const report = await client.unassignFlowInstances(batch);
    expect(report.requests).toBe(11);
    expect(report.rejected.length + report.skipped.length).toBe(64);
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(report.unassigned).toEqual([]);
  });

  it("does not split when the budget is 0", async () => {
    const { report } = await isolateIn(ids(10), [id(4)], { maxIsolationRequests: 0 });
    expect(report.requests).toBe(1);
    expect(report.skipped).toHaveLength(10);
    expect(report.errors).toHaveLength(1);
  });

  it("rejects a single refused id without splitting", async () => {
    const { report } = await isolateIn(["12345"], ["12345"]);
    expect(report).toMatchObject({ rejected: ["12345"], requests: 1 });
    expect(report.errors[0]).toMatchObject({
      kind: "bad_request",
      status: 400,
      messages: ["One or more of the given flowInstanceIds does not exist"],
      flowInstanceIds: ["12345"],
    });
  });
});

describe("isolations take turns", () => {
  it("finishes one refused batch before the next, so a spent budget skips whole batches", async () => {
    const batchOne = ids(16, "1");
    const batchTwo = ids(16, "2");
    const bad = [id(0, "1"), id(0, "2")];
    const gong = simulatedGong({ assigned: [...batchOne, ...batchTwo].filter((id) => !bad.includes(id)) });
    // Refused id first in its batch: every left half fails, so finding it costs 2·log2(16) = 8 requests.
    const { client } = testClient({ fetch: gong.fetch, batchSize: 16, maxIsolationRequests: 8 });
    const report = await client.unassignFlowInstances([...batchOne, ...batchTwo]);
    const [finished, untouched] =
      report.rejected[0] === id(0, "1") ? [batchOne, batchTwo] : [batchTwo, batchOne];
    expect(report.rejected).toEqual([finished[0]]);
    expect(report.unassigned).toEqual(finished.slice(1));
    expect(report.skipped).toEqual(untouched);
  });
});
