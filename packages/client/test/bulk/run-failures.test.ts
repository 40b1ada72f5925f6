import { describe, expect, it } from "vitest";
import { json, listingFetch, sentBody, testClient } from "../helpers.js";

describe("failures that do not stop the run", () => {
  it.each([
    ["a 5xx past its retries", () => json(503, { errors: ["busy"] }), "server"],
    [
      "an answer past its size limit",
      () => new Response("x".repeat(300_000), { status: 200 }),
      "invalid_response",
    ],
  ])("%s leaves its batch unknown and the next batch is still sent", async (_case, answer, kind) => {
    const sent: string[][] = [];
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      const { flowInstanceIds } = sentBody(init);
      sent.push(flowInstanceIds);
      return sent.length === 1 ? answer() : json(200, { unassignedFlowInstanceIds: flowInstanceIds });
    }) as unknown as typeof globalThis.fetch;
    // 0.5 requests per second: one request in flight at a time, so batch 2 starts after batch 1 failed.
    const { client } = testClient({ fetch, batchSize: 1, maxRetries: 0, requestsPerSecond: 0.5 });
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(sent).toEqual([["1"], ["2"]]);
    expect(report).toMatchObject({ unknown: ["1"], unassigned: ["2"], skipped: [], requests: 2 });
    expect(report.errors.map((error) => [error.kind, error.flowInstanceIds])).toEqual([[kind, ["1"]]]);
  });
});

describe("an onRequest observer that throws", () => {
  it("rejects the call with what it threw, and sends nothing more", async () => {
    const { fetch, bodies } = listingFetch();
    const thrown = new Error("logger broke");
    let calls = 0;
    const { client } = testClient({
      fetch,
      batchSize: 1,
      requestsPerSecond: 0.5,
      onRequest: () => {
        if (++calls === 2) throw thrown;
      },
    });
    await expect(client.unassignFlowInstances(["1", "2", "3"])).rejects.toBe(thrown);
    expect(bodies.map((body) => body.flowInstanceIds)).toEqual([["1"]]);
  });
});
