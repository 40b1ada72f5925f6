import { describe, expect, it } from "vitest";
import type { Limiter } from "../src/index.js";
import { json, sentBody, testClient } from "./helpers.js";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A `fetch` that holds every request until no new one has arrived for 50 event-loop turns, then answers it:
 * the most requests it held at once is how many the client keeps in flight.
 */
function holdingFetch() {
  let inFlight = 0;
  let most = 0;
  let arrivals = 0;
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    const { flowInstanceIds } = sentBody(init);
    most = Math.max(most, ++inFlight);
    arrivals++;
    for (let seen = -1; seen !== arrivals; ) {
      seen = arrivals;
      for (let i = 0; i < 50; i++) await turn();
    }
    inFlight--;
    return json(200, { unassignedFlowInstanceIds: flowInstanceIds });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, most: () => most };
}

const ids = Array.from({ length: 40 }, (_, i) => String(1000 + i));

describe("requests in flight at once", () => {
  it.each([
    [null, 4],
    [0.1, 1],
    [0.5, 1],
    [3, 6],
    [7.2, 15],
    [8, 16],
    [100, 16],
  ])("with requestsPerSecond %s: %i", async (requestsPerSecond, expected) => {
    const held = holdingFetch();
    const { client } = testClient({ fetch: held.fetch, batchSize: 1, requestsPerSecond });
    const report = await client.unassignFlowInstances(ids);
    expect(report.unassigned).toHaveLength(40);
    expect(held.most()).toBe(expected);
  });

  it("is 8 with a shared limiter, whatever the default rate would allow", async () => {
    const limiter: Limiter = { acquire: async () => ({ kind: "go" }), pause: async () => undefined };
    const held = holdingFetch();
    const { client } = testClient({ fetch: held.fetch, batchSize: 1, limiter, requestsPerSecond: undefined });
    const report = await client.unassignFlowInstances(ids);
    expect(report.unassigned).toHaveLength(40);
    expect(held.most()).toBe(8);
  });
});
