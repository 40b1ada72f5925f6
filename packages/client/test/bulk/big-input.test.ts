import { type FakeGong, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { createGongFlowsClient } from "../../src/index.js";
import { KEY_PAIR } from "../helpers.js";

let fake: FakeGong | undefined;
afterEach(async () => {
  expect(fake?.violations).toEqual([]);
  await fake?.stop();
  fake = undefined;
});

describe("a big job through the client", () => {
  it("unassigns 1,000,000 ids in the minimum 5,000 requests against a local fake", async () => {
    const ids = makeIds(1_000_000);
    fake = await startFakeGong({ assigned: ids });
    const client = createGongFlowsClient({ auth: KEY_PAIR, baseUrl: fake.url, requestsPerSecond: null });
    let settledEvents = 0;
    const report = await client.unassignFlowInstances(ids, {
      onProgress: (event) => {
        if (event.type === "settled") settledEvents++;
      },
    });
    expect(report.requests).toBe(5_000);
    expect(report.unassigned).toHaveLength(1_000_000);
    expect(report.unassigned[0]).toBe(ids[0]);
    expect(report.unassigned[999_999]).toBe(ids[999_999]);
    expect(report.skipped.length + report.unknown.length + report.notUnassigned.length).toBe(0);
    expect(settledEvents).toBe(5_000);
    expect(fake.assigned.size).toBe(0);
    expect(fake.requests).toHaveLength(5_000);
  }, 300_000);
});
