import { describe, expect, it } from "vitest";
import { json, testClient, virtualClock } from "../helpers.js";

describe("bulk pacing", () => {
  it("paces starts, not completions: slow answers overlap and the rate holds", async () => {
    const clock = virtualClock();
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const slowFetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      starts.push(clock.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const { flowInstanceIds } = JSON.parse(
        String(init?.body ? new TextDecoder().decode(init.body as ArrayBuffer) : "{}"),
      );
      // A real 30 ms of latency while the virtual clock lets the pacer release the next starts.
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      void input;
      return json(200, { unassignedFlowInstanceIds: flowInstanceIds });
    }) as typeof fetch;
    const { client } = testClient({ fetch: slowFetch, requestsPerSecond: 3, batchSize: 1 }, { clock });
    const report = await client.unassignFlowInstances(["1", "2", "3", "4", "5", "6", "7"]);
    expect(report.unassigned).toHaveLength(7);
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeCloseTo(1000 / 3, 6);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it("pauses all starts after a 429 until its Retry-After has passed", async () => {
    const clock = virtualClock();
    let limitedAt: number | null = null;
    const startsAfterLimit: number[] = [];
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      if (limitedAt !== null) startsAfterLimit.push(clock.now() - limitedAt);
      const { flowInstanceIds } = JSON.parse(new TextDecoder().decode(init?.body as ArrayBuffer));
      if (limitedAt === null) {
        limitedAt = clock.now();
        return json(429, { errors: [] }, { "retry-after": "10" });
      }
      return json(200, { unassignedFlowInstanceIds: flowInstanceIds });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, requestsPerSecond: 1, batchSize: 1 }, { clock });
    const report = await client.unassignFlowInstances(["1", "2", "3"]);
    expect(report.unassigned).toEqual(["1", "2", "3"]);
    expect(startsAfterLimit).toHaveLength(3);
    for (const delay of startsAfterLimit) expect(delay).toBeGreaterThanOrEqual(10_000);
  });
});
