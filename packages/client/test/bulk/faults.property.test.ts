import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../../src/bulk/report.js";
import { testClient } from "../helpers.js";
import { type SimFault, simulatedGong } from "./sim-gong.js";

const FAULTS: SimFault[] = ["ok", "429", "503", "500-after", "refused", "reset-after", "invalid-200", "401"];

const scenario = fc.record({
  count: fc.integer({ min: 1, max: 40 }),
  duplicates: fc.array(fc.nat(39), { maxLength: 5 }),
  badIds: fc.uniqueArray(fc.nat(39), { maxLength: 4 }),
  stuckIds: fc.uniqueArray(fc.nat(39), { maxLength: 4 }),
  possiblyProcessed: fc.uniqueArray(fc.nat(39), { maxLength: 3 }),
  batchSize: fc.integer({ min: 1, max: 16 }),
  maxRetries: fc.integer({ min: 0, max: 3 }),
  // Mostly answers, with every fault kind in the mix.
  faults: fc.array(
    fc.oneof({ weight: 6, arbitrary: fc.constant<SimFault>("ok") }, fc.constantFrom(...FAULTS)),
    {
      minLength: 1,
      maxLength: 30,
    },
  ),
});

describe("report invariants under random faults", () => {
  it("accounts for every id exactly once, never re-sends an unassigned id, and never calls a removed id not unassigned", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const unique = Array.from({ length: s.count }, (_, i) => `${1000 + i}`);
        const input = [...unique, ...s.duplicates.filter((i) => i < s.count).map((i) => `${1000 + i}`)];
        const bad = new Set(s.badIds.filter((i) => i < s.count).map((i) => `${1000 + i}`));
        const stuck = new Set(s.stuckIds.filter((i) => i < s.count).map((i) => `${1000 + i}`));
        const gong = simulatedGong({
          assigned: unique.filter((id) => !bad.has(id) && !stuck.has(id)),
          stuck: [...stuck].filter((id) => !bad.has(id)),
          faults: (attempt) => s.faults[(attempt - 1) % s.faults.length] ?? "ok",
        });
        const { client } = testClient({
          fetch: gong.fetch,
          batchSize: s.batchSize,
          maxRetries: s.maxRetries,
        });
        const doubted = s.possiblyProcessed.filter((i) => i < s.count).map((i) => `${1000 + i}`);
        const report = await client.unassignFlowInstances(input, { possiblyProcessed: doubted });

        // Every unique id in exactly one list, each list in input order.
        const all = OUTCOMES.flatMap((list) => report[list]);
        expect(all.sort()).toEqual([...unique].sort());
        for (const list of OUTCOMES) {
          expect(report[list]).toEqual(unique.filter((id) => report[list].includes(id)));
        }
        expect(report.duplicates).toBe(input.length - unique.length);
        expect(report.requests).toBe(gong.calls);
        // No id is sent again after a response listed it.
        expect(gong.reSentAfterListing).toEqual([]);
        // Honesty: an id the server removed is never reported as still assigned, refused or safe to re-run.
        for (const list of ["notUnassigned", "rejected", "skipped"] as const) {
          for (const id of report[list]) expect(gong.removed.has(id)).toBe(false);
        }
        // And an id reported unassigned really was removed.
        for (const id of report.unassigned) expect(gong.removed.has(id)).toBe(true);
        // Ids from an earlier run in doubt are never called notUnassigned.
        for (const id of doubted) expect(report.notUnassigned).not.toContain(id);
        // Refused ids are only ever the nonexistent ones.
        for (const id of report.rejected) expect(bad.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
