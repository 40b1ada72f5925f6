import { describe, expect, it } from "vitest";
import { GongAuthenticationError } from "../../src/index.js";
import { testClient } from "../helpers.js";
import { lookupGong } from "./lookup-gong.js";

const crm = (n: number) => `0031U00001Wb${String(n).padStart(6, "0")}`;
const id = (n: number) => String(234599484800000 + n);

describe("unassignProspects", () => {
  it("looks the prospects' open instances up and unassigns them, counting lookups in the requests", async () => {
    const gong = lookupGong({
      seeds: [
        { crmProspectId: crm(0), flowId: "11", flowInstanceId: id(0) },
        { crmProspectId: crm(0), flowId: "22", flowInstanceId: id(1) },
        { crmProspectId: crm(1), flowId: "11", flowInstanceId: id(2), status: "Finished" },
        { crmProspectId: crm(2), flowId: "11", flowInstanceId: id(3), status: "Pending" },
      ],
    });
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignProspects([crm(0), crm(1), crm(2), "003NOTINGONG00000"]);
    expect(report.unassigned).toEqual([id(0), id(1), id(3)]);
    expect(report.prospects.instances).toEqual([
      { crmProspectId: crm(0), flowId: "11", flowName: "Flow 11", flowInstanceId: id(0) },
      { crmProspectId: crm(0), flowId: "22", flowName: "Flow 22", flowInstanceId: id(1) },
      { crmProspectId: crm(2), flowId: "11", flowName: "Flow 11", flowInstanceId: id(3) },
    ]);
    expect(report.prospects.withoutOpenInstances).toEqual([crm(1), "003NOTINGONG00000"]);
    expect(report.requests).toBe(2);
    expect(gong.calls.map((call) => call.path)).toEqual([
      "/v2/flows/prospects",
      "/v2/flows/prospects/unassign-flows-by-instance-id",
    ]);
  });

  it("unassigns only the instances of --flow flows", async () => {
    const gong = lookupGong({
      seeds: [
        { crmProspectId: crm(0), flowId: "11", flowInstanceId: id(0) },
        { crmProspectId: crm(0), flowId: "22", flowInstanceId: id(1) },
      ],
    });
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignProspects([crm(0)], { flowIds: ["22"] });
    expect(report.unassigned).toEqual([id(1)]);
    expect(gong.assigned.has(id(0))).toBe(true);
  });

  it("sends no unassign and rejects with the typed error when a lookup fails", async () => {
    const gong = lookupGong({
      seeds: [{ crmProspectId: crm(0), flowId: "11", flowInstanceId: id(0) }],
      lookupStatus: 403,
    });
    const { client } = testClient({ fetch: gong.fetch, auth: { bearerToken: "read-less-token" } });
    await expect(client.unassignProspects([crm(0)])).rejects.toBeInstanceOf(GongAuthenticationError);
    expect(gong.calls.map((call) => call.path)).toEqual(["/v2/flows/prospects"]);
  });

  it("reports prospects without open instances and sends nothing when there is nothing to unassign", async () => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignProspects([crm(5)]);
    expect(report).toMatchObject({
      unassigned: [],
      skipped: [],
      requests: 1,
      prospects: { withoutOpenInstances: [crm(5)] },
    });
  });
});
