import { type FakeGong, type FakeGongOptions, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { createGongFlowsClient, type GongFlowsClientOptions } from "../../src/index.js";
import { KEY_PAIR } from "../helpers.js";

let fake: FakeGong | undefined;

afterEach(async () => {
  // Whatever the test, the fake must have answered as the spec says (its deliberate faults aside).
  expect(fake?.violations).toEqual([]);
  await fake?.stop();
  fake = undefined;
});

async function run(
  fakeOptions: FakeGongOptions,
  ids: string[],
  clientOptions: Partial<GongFlowsClientOptions> = {},
) {
  fake = await startFakeGong(fakeOptions);
  const client = createGongFlowsClient({
    auth: KEY_PAIR,
    baseUrl: fake.url,
    requestsPerSecond: 50,
    ...clientOptions,
  });
  const report = await client.unassignFlowInstances(ids);
  const rateLimited = fake.requests.filter((r) => r.outcome === 429).length;
  return { report, fake, rateLimited };
}

describe("bulk unassign over loopback HTTP against the stateful fake", () => {
  it("removes 1,200 ids paced at the fake's limit without meeting a 429", async () => {
    const ids = makeIds(1_200);
    const { report, fake, rateLimited } = await run({ assigned: ids, requestsPerSecond: 25 }, ids, {
      requestsPerSecond: 25,
      batchSize: 50,
    });
    expect(report.unassigned).toEqual(ids);
    expect(report.requests).toBe(24);
    expect(rateLimited).toBe(0);
    expect(fake.assigned.size).toBe(0);
    expect(report.requestIds).toHaveLength(24);
  });

  it("sends the minimum number of requests for 10,000 ids", async () => {
    const ids = makeIds(10_000);
    const { report } = await run({ assigned: ids }, [...ids, ...ids.slice(0, 500)], {
      requestsPerSecond: null,
    });
    expect(report.unassigned).toHaveLength(10_000);
    expect(report.duplicates).toBe(500);
    expect(report.requests).toBe(50);
  });

  it("rides out a 429 burst by waiting Retry-After", async () => {
    const ids = makeIds(1_000);
    const { report, rateLimited } = await run({ assigned: ids, faults: "rate-limit-burst" }, ids);
    expect(report.unassigned).toEqual(ids);
    expect(rateLimited).toBe(3);
    expect(report.requests).toBe(5 + 3);
  });

  it("retries 5xx answered before processing, and every id ends unassigned", async () => {
    const ids = makeIds(1_000);
    const { report, fake } = await run({ assigned: ids, faults: "flaky-5xx" }, ids, { batchSize: 100 });
    expect(report.unassigned).toEqual(ids);
    expect([...fake.unassignCounts.values()].every((count) => count === 1)).toBe(true);
  });

  it("reports ids of a request processed before a 500 as unknown, never notUnassigned", async () => {
    const ids = makeIds(1_000);
    const { report, fake } = await run({ assigned: ids, faults: "ambiguous-5xx" }, ids, { batchSize: 100 });
    const processedThenFailed = fake.requests
      .filter((r) => r.outcome === "process-then-status")
      .flatMap((r) => r.flowInstanceIds);
    expect(processedThenFailed.length).toBeGreaterThan(0);
    expect(report.unknown).toEqual(ids.filter((id) => processedThenFailed.includes(id)));
    expect(report.notUnassigned).toEqual([]);
    expect(report.unassigned.length + report.unknown.length).toBe(1_000);
    expect(fake.assigned.size).toBe(0);
  });

  it("reports ids of a dropped connection as unknown when the fake had processed them", async () => {
    const ids = makeIds(1_000);
    const { report, fake } = await run({ assigned: ids, faults: "dropped-after" }, ids, { batchSize: 100 });
    const dropped = fake.requests.filter((r) => r.outcome === "drop-after").flatMap((r) => r.flowInstanceIds);
    expect(dropped.length).toBeGreaterThan(0);
    expect(report.unknown).toEqual(ids.filter((id) => dropped.includes(id)));
    expect(report.notUnassigned).toEqual([]);
  });

  it("recovers ids of a connection dropped before processing: the retry lists them", async () => {
    const ids = makeIds(1_000);
    const { report } = await run({ assigned: ids, faults: "dropped-before" }, ids, { batchSize: 100 });
    expect(report.unassigned).toEqual(ids);
  });

  it("isolates a nonexistent id inside a batch of 200", async () => {
    const ids = makeIds(1_000);
    const ghost = "999999999999999";
    const input = [...ids.slice(0, 450), ghost, ...ids.slice(450)];
    const { report } = await run({ assigned: ids }, input);
    expect(report.rejected).toEqual([ghost]);
    expect(report.unassigned).toEqual(ids);
    // 6 batches, and 2 to isolate the ghost: one lookup, one re-send of the ids it found.
    expect(report.requests).toBe(8);
  });

  it("leaves an invalid 200 batch unknown and keeps the other batches' results", async () => {
    const ids = makeIds(1_000);
    const { report } = await run({ assigned: ids, faults: "invalid-200" }, ids, { batchSize: 100 });
    expect(report.unknown).toHaveLength(100);
    expect(report.unassigned).toHaveLength(900);
    expect(report.errors).toEqual([expect.objectContaining({ kind: "invalid_response", status: 200 })]);
  });

  it("reports a stuck id as notUnassigned", async () => {
    const ids = makeIds(300);
    const { report } = await run({ assigned: ids.slice(1), stuck: [ids[0] as string] }, ids);
    expect(report.notUnassigned).toEqual([ids[0]]);
    expect(report.unassigned).toEqual(ids.slice(1));
  });

  it("stops on 401 and skips everything unsent", async () => {
    const ids = makeIds(1_000);
    const { report } = await run(
      { assigned: ids, credentials: [{ accessKey: "something", accessKeySecret: "else" }] },
      ids,
      {
        requestsPerSecond: 5,
      },
    );
    expect(report.skipped).toEqual(ids);
    expect(report.errors[0]).toMatchObject({ kind: "authentication", status: 401 });
    expect(report.requests).toBeLessThanOrEqual(2);
  });

  it("times out a request the fake processed and never answered, reporting its ids unknown", async () => {
    const ids = makeIds(400);
    const { report } = await run(
      { assigned: ids, faults: (n) => (n === 1 ? { type: "hang-after" } : null) },
      ids,
      {
        timeoutMs: 200,
        requestsPerSecond: null,
      },
    );
    expect(report.unknown).toHaveLength(200);
    expect(report.unassigned).toHaveLength(200);
  });
});
