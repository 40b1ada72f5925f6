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

  const [single, bulk, ...isolation] = fake.requests;
  expect(single?.body).toBe(JSON.stringify({ flowInstanceIds: [SINGLE_ID] }));
  expect(bulk?.body).toBe(JSON.stringify({ flowInstanceIds: BULK_IDS }));
  expect(bulk?.outcome).toBe(400);
  // Isolation by lookup (issue 12): the refused batch's ids are looked up, the missing id is found in no flow
  // and rejected without being sent again, and the others are re-sent in smaller unassign requests.
  for (const request of isolation) {
    for (const id of request.flowInstanceIds) expect(BULK_IDS).toContain(id);
    if (request.operationId === "unassignFlows") {
      expect(request.flowInstanceIds.length).toBeLessThan(BULK_IDS.length);
      expect(request.flowInstanceIds).not.toContain(MISSING_ID);
    } else {
      expect(request.operationId).toBe("getProspectsAssignedFlows");
    }
  }
  expect(isolation).toContainEqual(
    expect.objectContaining({
      operationId: "getProspectsAssignedFlows",
      flowInstanceIds: expect.arrayContaining([MISSING_ID]),
    }),
  );
  for (const request of fake.requests) expect(request.authorization).toBe(basicHeader());
  expect(Object.fromEntries(fake.unassignCounts)).toEqual(
    Object.fromEntries([SINGLE_ID, ...ASSIGNED_IDS].map((id) => [id, 1])),
  );
  expect(fake.assigned.size).toBe(0);
  expect(fake.violations).toEqual([]);
}
