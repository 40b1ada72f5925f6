import { type FakeGong, startFakeGong } from "@gong-flows/fake";
import { expect } from "vitest";
import {
  ASSIGNED_IDS,
  BULK_IDS,
  CREDENTIALS,
  MISSING_ID,
  type ScenarioResult,
  SINGLE_ID,
} from "../scenario/scenario.js";
import { type CorsFront, startCorsFront } from "./cors-front.js";

/** The stateful fake of Gong holding the scenario's ids, behind a CORS front. */
export interface ScenarioServer {
  readonly fake: FakeGong;
  readonly front: CorsFront;
  stop(): Promise<void>;
}

export async function startScenarioServer(): Promise<ScenarioServer> {
  const fake = await startFakeGong({
    assigned: [SINGLE_ID, ...ASSIGNED_IDS],
    credentials: [CREDENTIALS],
  });
  const front = await startCorsFront(fake.url);
  return {
    fake,
    front,
    stop: async () => {
      await front.stop();
      await fake.stop();
    },
  };
}

/** Computed here with Node's Buffer, independently of the client's own encoding. */
export function basicHeader(): string {
  const pair = `${CREDENTIALS.accessKey}:${CREDENTIALS.accessKeySecret}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}

/** What every runtime must have produced, and what the fake must have seen. */
export function expectScenarioOutcome(result: ScenarioResult, { fake }: ScenarioServer): void {
  expect(result.single).toEqual({
    status: 200,
    data: { requestId: expect.any(String), unassignedFlowInstanceIds: [SINGLE_ID] },
  });
  expect(result.report).toMatchObject({
    unassigned: [...ASSIGNED_IDS],
    notUnassigned: [],
    rejected: [MISSING_ID],
    unknown: [],
    skipped: [],
    duplicates: 0,
  });
  // The api.POST is not part of the bulk report: every other request the fake answered is.
  expect(result.report.requests).toBe(fake.requests.length - 1);
  expect(result.report.requestIds).toHaveLength(result.report.requests);
  // The refused batch, and the missing id refused alone (isolation may split more batches between the two).
  expect(result.report.errors).toContainEqual(
    expect.objectContaining({ kind: "bad_request", status: 400, flowInstanceIds: [...BULK_IDS] }),
  );
  expect(result.report.errors).toContainEqual(
    expect.objectContaining({ kind: "bad_request", status: 400, flowInstanceIds: [MISSING_ID] }),
  );

  const [single, bulk, lookup, resend, ...more] = fake.requests;
  expect(single?.body).toBe(JSON.stringify({ flowInstanceIds: [SINGLE_ID] }));
  expect(bulk?.body).toBe(JSON.stringify({ flowInstanceIds: BULK_IDS }));
  expect(bulk?.outcome).toBe(400);
  // Isolation by lookup: one lookup of the refused batch's instances, then one re-send of those that exist.
  expect(lookup).toMatchObject({ operationId: "getProspectsAssignedFlows", flowInstanceIds: [...BULK_IDS] });
  expect(resend).toMatchObject({ flowInstanceIds: [...ASSIGNED_IDS], outcome: 200 });
  expect(more).toEqual([]);
  for (const request of fake.requests) expect(request.authorization).toBe(basicHeader());
  expect(Object.fromEntries(fake.unassignCounts)).toEqual(
    Object.fromEntries([SINGLE_ID, ...ASSIGNED_IDS].map((id) => [id, 1])),
  );
  expect(fake.assigned.size).toBe(0);
  expect(fake.violations).toEqual([]);
}
