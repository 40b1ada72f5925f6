import { describe, expect, it } from "vitest";
import { json, sentBody, testClient } from "../helpers.js";

/** A fetch answering every request 200 with `body` as its raw text. */
const answering200 = (body: string) =>
  (async () =>
    new Response(body, {
      status: 200,
      headers: { "content-type": "application/json", "x-traceid": "req-200" },
    })) as unknown as typeof fetch;

describe("a 200 answer's body", () => {
  it.each([
    ["null", "null"],
    ["an array", JSON.stringify([{ unassignedFlowInstanceIds: ["1", "2"] }])],
    ["not JSON", "<html>ok</html>"],
    ["empty", ""],
    ["a string", JSON.stringify("1,2")],
    ["an object without the list", JSON.stringify({ unassignedFlowInstanceId: ["1", "2"] })],
    ["a list that is not an array", JSON.stringify({ unassignedFlowInstanceIds: "1,2" })],
    ["a list of numbers", JSON.stringify({ unassignedFlowInstanceIds: [1, 2] })],
    ["a list with one non-string", JSON.stringify({ unassignedFlowInstanceIds: ["1", 2] })],
    ["a list holding null", JSON.stringify({ unassignedFlowInstanceIds: [null] })],
  ])("that is %s leaves the batch unknown with an invalid_response error", async (_case, body) => {
    const { client } = testClient({ fetch: answering200(body) });
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report).toMatchObject({
      unassigned: [],
      notUnassigned: [],
      rejected: [],
      unknown: ["1", "2"],
      skipped: [],
      requests: 1,
      requestIds: ["req-200"],
    });
    expect(report.errors).toEqual([
      expect.objectContaining({
        kind: "invalid_response",
        status: 200,
        requestId: "req-200",
        flowInstanceIds: ["1", "2"],
      }),
    ]);
  });

  it("does not stop the run: later batches are still sent and settled", async () => {
    let calls = 0;
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      calls++;
      const { flowInstanceIds } = sentBody(init);
      return calls === 1 ? json(200, null) : json(200, { unassignedFlowInstanceIds: flowInstanceIds });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, batchSize: 1 });
    const report = await client.unassignFlowInstances(["1", "2", "3"]);
    expect(report.unknown).toEqual(["1"]);
    expect(report.unassigned).toEqual(["2", "3"]);
  });

  it("that lists some ids settles the listed ones unassigned and the others not unassigned", async () => {
    const fetch = (async () =>
      json(200, { unassignedFlowInstanceIds: ["2"] })) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const report = await client.unassignFlowInstances(["1", "2", "3"]);
    expect(report).toMatchObject({ unassigned: ["2"], notUnassigned: ["1", "3"], unknown: [], errors: [] });
  });

  it("that lists nothing, or ids that were not sent, leaves every sent id not unassigned", async () => {
    const fetch = (async () =>
      json(200, { unassignedFlowInstanceIds: ["9"], requestId: "r" })) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report).toMatchObject({ unassigned: [], notUnassigned: ["1", "2"], unknown: [], errors: [] });
  });

  it("needs no requestId", async () => {
    const fetch = (async () =>
      json(200, { unassignedFlowInstanceIds: ["1"] })) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const report = await client.unassignFlowInstances(["1"]);
    expect(report).toMatchObject({ unassigned: ["1"], unknown: [], errors: [] });
  });
});
