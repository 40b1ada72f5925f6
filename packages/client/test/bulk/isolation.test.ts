import { describe, expect, it } from "vitest";
import { testClient } from "../helpers.js";
import { simulatedGong } from "./sim-gong.js";

/** Flow instance ids are digit strings: `${prefix}1000`, `${prefix}1001`, … */
const id = (index: number, prefix = "9") => `${prefix}${1000 + index}`;
const ids = (count: number, prefix = "9") => Array.from({ length: count }, (_, i) => id(i, prefix));

async function isolateIn(
  batch: string[],
  bad: string[],
  options: { maxIsolationRequests?: number; lookupStatus?: number; ghosts?: string[] } = {},
) {
  const { lookupStatus, ghosts, ...clientOptions } = options;
  const gong = simulatedGong({
    assigned: batch.filter((id) => !bad.includes(id)),
    ...(lookupStatus ? { lookupStatus } : {}),
    ...(ghosts ? { ghosts } : {}),
  });
  const { client } = testClient({ fetch: gong.fetch, ...clientOptions });
  const report = await client.unassignFlowInstances(batch);
  return { report, gong };
}

describe("isolating refused ids by lookup", () => {
  it.each([1, 5, 50])(
    "finds %i missing ids in a batch of 200 with 2 extra requests: one lookup, one re-send",
    async (count) => {
      const batch = ids(200);
      const bad = batch.filter((_, index) => index % Math.floor(200 / count) === 3).slice(0, count);
      const { report, gong } = await isolateIn(batch, bad);
      expect(report.rejected).toEqual(bad);
      expect(report.unassigned).toEqual(batch.filter((one) => !bad.includes(one)));
      expect(report.requests).toBe(3);
      expect(gong.lookups).toEqual([batch]);
      expect(gong.sent).toEqual([batch, batch.filter((one) => !bad.includes(one))]);
      const said = report.errors.find((error) => error.flowInstanceIds.length === count);
      expect(said?.message).toMatch(/not exist: Gong's flow instance lookup does not know/);
      expect(said?.kind).toBe("bad_request");
    },
  );

  it("counts the lookup against the isolation budget: with 1 left, the re-send is skipped", async () => {
    const batch = ids(20);
    const { report } = await isolateIn(batch, [id(7)], { maxIsolationRequests: 1 });
    expect(report.rejected).toEqual([id(7)]);
    expect(report.skipped).toEqual(batch.filter((one) => one !== id(7)));
    expect(report.requests).toBe(2);
  });

  it("falls back to halving when the re-sent ids are refused again", async () => {
    const batch = ids(16);
    // The lookup knows id 9, yet Gong refuses it: halving finds it among the re-sent ids.
    const { report, gong } = await isolateIn(batch, [id(3), id(9)], { ghosts: [id(9)] });
    expect(report.rejected).toEqual([id(3), id(9)]);
    expect(report.unassigned).toHaveLength(14);
    expect(gong.lookups).toHaveLength(1);
    expect(report.requests).toBeGreaterThan(3);
  });

  it("falls back to halving when the lookup finds every id", async () => {
    const { report, gong } = await isolateIn(ids(8), [id(5)], { ghosts: [id(5)] });
    expect(report.rejected).toEqual([id(5)]);
    expect(gong.lookups).toHaveLength(1);
    expect(gong.sent[1]).toHaveLength(4);
  });
});

describe("isolating refused ids by halving (the lookup refused: a token without api:flows:read)", () => {
  it("unassigns the valid ids and rejects only the nonexistent one, at about 2·log2(200) extra requests", async () => {
    const batch = ids(200);
    const { report, gong } = await isolateIn(batch, [id(137)], { lookupStatus: 403 });
    expect(report.rejected).toEqual([id(137)]);
    expect(report.unassigned).toHaveLength(199);
    expect(report.notUnassigned).toEqual([]);
    const extra = report.requests - 2;
    expect(gong.lookups).toHaveLength(1);
    expect(report.errors.some((error) => error.kind === "authentication" && error.status === 403)).toBe(true);
    expect(extra).toBeLessThanOrEqual(Math.ceil(2 * Math.log2(200)));
    expect(extra).toBeGreaterThanOrEqual(Math.ceil(Math.log2(200)));
    expect(gong.reSentAfterListing).toEqual([]);
    expect(report.errors.filter((e) => e.kind === "bad_request").at(-1)?.flowInstanceIds).toEqual([id(137)]);
  });

  it("isolates five refused ids", async () => {
    const bad = [id(3), id(50), id(51), id(120), id(199)];
    const { report } = await isolateIn(ids(200), bad, { lookupStatus: 403 });
    expect(report.rejected).toEqual(bad);
    expect(report.unassigned).toHaveLength(195);
    expect(report.requests - 2).toBeLessThanOrEqual(5 * Math.ceil(2 * Math.log2(200)));
  });

  it("stops splitting once the isolation budget is spent and skips the rest", async () => {
    const batch = ids(64);
    // Every id refused: without a budget this would cost 2·64 - 2 extra requests.
    const gong = simulatedGong({ assigned: [], lookupStatus: 403 });
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
    const gong = simulatedGong({
      assigned: [...batchOne, ...batchTwo].filter((id) => !bad.includes(id)),
      lookupStatus: 403,
    });
    // Refused id first in its batch: the refused lookup and every failing left half cost 1 + 2·log2(16) = 9.
    const { client } = testClient({ fetch: gong.fetch, batchSize: 16, maxIsolationRequests: 9 });
    const report = await client.unassignFlowInstances([...batchOne, ...batchTwo]);
    const [finished, untouched] =
      report.rejected[0] === id(0, "1") ? [batchOne, batchTwo] : [batchTwo, batchOne];
    expect(report.rejected).toEqual([finished[0]]);
    expect(report.unassigned).toEqual(finished.slice(1));
    expect(report.skipped).toEqual(untouched);
  });
});
