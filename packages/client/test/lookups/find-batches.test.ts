import { describe, expect, it } from "vitest";
import type { LookupProgressEvent } from "../../src/index.js";
import { json, testClient } from "../helpers.js";

const crm = (n: number) => `0031U00001Wb${String(n).padStart(6, "0")}`;
const CRMS = Array.from({ length: 6 }, (_, n) => crm(n));

/**
 * A Gong whose lookups answer after a few event-loop turns (none found), so overlapping requests are in flight
 * together; `refuse` ids get an immediate 403.
 */
function slowGong(refuse: ReadonlySet<string> = new Set()) {
  const asked: string[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    const ids: string[] = JSON.parse(new TextDecoder().decode(init?.body as ArrayBuffer)).crmProspectsIds;
    asked.push(ids);
    if (ids.some((id) => refuse.has(id))) return json(403, { requestId: "rf", errors: ["forbidden"] });
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    return json(200, { requestId: `r-${ids[0]}`, prospectsAssigned: [] });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked, mostInFlight: () => mostInFlight };
}

describe("findFlowInstances batches", () => {
  it("keeps as many lookups in flight as the concurrency allows (4 unpaced), no more", async () => {
    const gong = slowGong();
    const { client } = testClient({ fetch: gong.fetch, lookupBatchSize: 1 });
    const found = await client.findFlowInstances({ crmProspectIds: CRMS });
    expect(gong.mostInFlight()).toBe(4);
    expect(found.notFound).toEqual(CRMS);
  });

  it("starts no further lookup once one has failed for good", async () => {
    const gong = slowGong(new Set([crm(0)]));
    const { client } = testClient({ fetch: gong.fetch, lookupBatchSize: 1 });
    const found = await client.findFlowInstances({ crmProspectIds: CRMS });
    expect(gong.asked).toEqual([[crm(0)], [crm(1)], [crm(2)], [crm(3)]]);
    expect(found.notFound).toEqual([crm(1), crm(2), crm(3)]);
    expect(found.notLookedUp).toEqual([crm(0), crm(4), crm(5)]);
    expect(found.errors.map((error) => [error.status, error.requestId, error.ids])).toEqual([
      [403, "rf", [crm(0)]],
    ]);
    expect(found.requests).toBe(4);
  });

  it("reports progress with the running count of ids settled", async () => {
    const gong = slowGong();
    const { client } = testClient({ fetch: gong.fetch, lookupBatchSize: 2 });
    const events: LookupProgressEvent[] = [];
    await client.findFlowInstances(
      { crmProspectIds: CRMS.slice(0, 5) },
      { onProgress: (event) => events.push(event) },
    );
    expect(events.map(({ settled, total, found }) => ({ settled, total, found }))).toEqual([
      { settled: 2, total: 5, found: 0 },
      { settled: 4, total: 5, found: 0 },
      { settled: 5, total: 5, found: 0 },
    ]);
    expect(events.flatMap((event) => event.ids).sort()).toEqual(CRMS.slice(0, 5));
  });
});
