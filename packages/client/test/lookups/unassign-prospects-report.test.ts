import { describe, expect, it } from "vitest";
import { testClient } from "../helpers.js";
import { lookupGong } from "./lookup-gong.js";

const crm = (n: number) => `0031U00001Wb${String(n).padStart(6, "0")}`;
const id = (n: number) => String(234599484800000 + n);

/** The report of a run that sent no unassign: every list empty. */
const NOTHING_SENT = {
  unassigned: [],
  notUnassigned: [],
  rejected: [],
  unknown: [],
  skipped: [],
  duplicates: 0,
  errors: [],
} as const;

describe("unassignProspects report", () => {
  it("leaves finished instances a lookup answers alone, and lists their prospects as without open instances", async () => {
    const gong = lookupGong({
      finishedInLookups: true,
      seeds: [
        { crmProspectId: crm(0), flowId: "11", flowInstanceId: id(0) },
        { crmProspectId: crm(0), flowId: "22", flowInstanceId: id(1), status: "Finished" },
        { crmProspectId: crm(1), flowId: "11", flowInstanceId: id(2), status: "FinishedNoReply" },
      ],
    });
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignProspects([crm(0), crm(1), crm(2)]);
    expect(gong.calls.map((call) => call.body)).toEqual([
      { crmProspectsIds: [crm(0), crm(1), crm(2)] },
      { flowInstanceIds: [id(0)] },
    ]);
    expect(report).toEqual({
      ...NOTHING_SENT,
      unassigned: [id(0)],
      requests: 2,
      requestIds: ["r1", "r2"],
      prospects: {
        instances: [{ crmProspectId: crm(0), flowId: "11", flowName: "Flow 11", flowInstanceId: id(0) }],
        withoutOpenInstances: [crm(2), crm(1)],
        notLookedUp: [],
      },
    });
  });

  it("counts the lookup's request and request id when there is nothing to unassign", async () => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignProspects([crm(5)]);
    expect(report).toEqual({
      ...NOTHING_SENT,
      requests: 1,
      requestIds: ["r1"],
      prospects: { instances: [], withoutOpenInstances: [crm(5)], notLookedUp: [] },
    });
  });

  it("sends nothing under a signal aborted before the call, listing every prospect as not looked up", async () => {
    const gong = lookupGong({ seeds: [{ crmProspectId: crm(0), flowId: "11", flowInstanceId: id(0) }] });
    const { client } = testClient({ fetch: gong.fetch });
    const controller = new AbortController();
    controller.abort();
    const report = await client.unassignProspects([crm(0)], { signal: controller.signal });
    expect(gong.calls).toEqual([]);
    expect(report).toEqual({
      ...NOTHING_SENT,
      requests: 0,
      requestIds: [],
      prospects: { instances: [], withoutOpenInstances: [], notLookedUp: [crm(0)] },
    });
  });
});
