import { describe, expect, expectTypeOf, it } from "vitest";
import { type FlowInstance, type FlowInstanceLookup, GongInputError } from "../../src/index.js";
import { testClient } from "../helpers.js";
import { instance, lookupGong, type Seed } from "./lookup-gong.js";

const crm = (n: number) => `0031U00001Wb${String(n).padStart(6, "0")}`;
const flowInstanceId = (n: number) => String(234599484800000 + n);

/** Prospect n has one open instance in flow 11 and one in flow 22; every third also a finished one in flow 33. */
function seeds(count: number): Seed[] {
  return Array.from({ length: count }, (_, n) => [
    { crmProspectId: crm(n), flowId: "11", flowInstanceId: flowInstanceId(3 * n) },
    {
      crmProspectId: crm(n),
      flowId: "22",
      flowInstanceId: flowInstanceId(3 * n + 1),
      status: "Paused" as const,
    },
    ...(n % 3 === 0
      ? [
          {
            crmProspectId: crm(n),
            flowId: "33",
            flowInstanceId: flowInstanceId(3 * n + 2),
            status: "Finished" as const,
          },
        ]
      : []),
  ]).flat();
}

describe("findFlowInstances", () => {
  it("finds the open instances of CRM ids in batches of lookupBatchSize, and says which have none", async () => {
    const gong = lookupGong({ seeds: seeds(250) });
    const { client } = testClient({ fetch: gong.fetch, lookupBatchSize: 100 });
    const asked = [...Array.from({ length: 250 }, (_, n) => crm(n)), "00Q000000000000UNK", crm(0)];
    const found = await client.findFlowInstances({ crmProspectIds: asked });
    expect(gong.calls.map((call) => call.body)).toEqual([
      { crmProspectsIds: asked.slice(0, 100) },
      { crmProspectsIds: asked.slice(100, 200) },
      { crmProspectsIds: asked.slice(200, 251) },
    ]);
    expect(found.instances).toHaveLength(500);
    expect(found.instances.every((i) => i.flowInstanceStatus !== "Finished")).toBe(true);
    expect(found.notFound).toEqual(["00Q000000000000UNK"]);
    expect(found.notLookedUp).toEqual([]);
    expect(found).toMatchObject({ requests: 3, requestIds: ["r1", "r2", "r3"], errors: [] });
  });

  it("keeps only the instances of the flows asked for", async () => {
    const gong = lookupGong({ seeds: seeds(3) });
    const { client } = testClient({ fetch: gong.fetch });
    const found = await client.findFlowInstances({ crmProspectIds: [crm(0), crm(1)] }, { flowIds: ["22"] });
    expect(found.instances.map((i) => i.flowInstanceId)).toEqual([flowInstanceId(1), flowInstanceId(4)]);
  });

  it("finds instances by id whatever their status; ids not returned do not exist", async () => {
    const gong = lookupGong({ seeds: seeds(3) });
    const { client } = testClient({ fetch: gong.fetch });
    const found = await client.findFlowInstances({
      flowInstanceIds: [flowInstanceId(2), "999", flowInstanceId(0)],
    });
    expect(gong.calls[0]?.body).toEqual({ flowInstanceIds: [flowInstanceId(2), "999", flowInstanceId(0)] });
    expect(found.instances.map((i) => [i.flowInstanceId, i.flowInstanceStatus])).toEqual([
      [flowInstanceId(0), "Running"],
      [flowInstanceId(2), "Finished"],
    ]);
    expect(found.notFound).toEqual(["999"]);
  });

  it("stops at a lookup that fails for good: its error names the read scope, its ids and the rest not looked up", async () => {
    const gong = lookupGong({ seeds: seeds(3), lookupStatus: 403 });
    const { client } = testClient({
      fetch: gong.fetch,
      auth: { bearerToken: "token-without-read-scope" },
      lookupBatchSize: 1,
      requestsPerSecond: null,
    });
    const found = await client.findFlowInstances({ crmProspectIds: [crm(0), crm(1), crm(2)] });
    expect(found.instances).toEqual([]);
    expect(found.notFound).toEqual([]);
    expect(found.notLookedUp.sort()).toEqual([crm(0), crm(1), crm(2)].sort());
    expect(found.errors[0]).toMatchObject({ kind: "authentication", status: 403, requestId: "rl" });
    expect(found.errors[0]?.message).toContain("the OAuth token needs the api:flows:read scope");
    expect(JSON.stringify(found)).not.toContain("token-without-read-scope");
  });

  it.each([
    ["neither kind of id", {}],
    ["both kinds of id", { crmProspectIds: [crm(0)], flowInstanceIds: ["1"] }],
    ["a CRM id of 129 characters", { crmProspectIds: [crm(0), "a".repeat(129)] }],
    ["a CRM id with a space", { crmProspectIds: ["a b"] }],
    ["a flow instance id that is not digits", { flowInstanceIds: ["SVXHP"] }],
    ["an empty list", { crmProspectIds: [] }],
  ])("refuses %s before anything is sent", async (_, query) => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    await expect(client.findFlowInstances(query as never)).rejects.toBeInstanceOf(GongInputError);
    expect(gong.calls).toEqual([]);
  });

  it("refuses a flow id that is not digits, naming the field", async () => {
    const { client } = testClient({ fetch: lookupGong({}).fetch });
    await expect(
      client.findFlowInstances({ crmProspectIds: [crm(0)] }, { flowIds: ["Inbound"] }),
    ).rejects.toMatchObject({ field: "flowIds", index: 0, value: "Inbound" });
  });

  it("is typed from the spec", () => {
    expectTypeOf<FlowInstanceLookup["instances"][number]>().toEqualTypeOf<FlowInstance>();
    expectTypeOf<FlowInstance["flowInstanceStatus"]>().toEqualTypeOf<
      "Pending" | "Running" | "Paused" | "FinishedNoReply" | "FinishedResponse" | "Finished"
    >();
    expectTypeOf(instance).returns.toHaveProperty("crmProspectId");
  });

  it("refuses a 401 on a Basic key as an authentication failure, without retrying it", async () => {
    const gong = lookupGong({ lookupStatus: 401 });
    const { client } = testClient({ fetch: gong.fetch });
    const found = await client.findFlowInstances({ crmProspectIds: [crm(0)] });
    expect(found.errors[0]?.kind).toBe("authentication");
    expect(found.requests).toBe(1);
  });

  it("lists a lookup that got no answer like the bulk report does: the transport's description stands in for Gong's messages", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const { client } = testClient({
      fetch: async () => {
        throw refused;
      },
      maxRetries: 0,
    });
    const found = await client.findFlowInstances({ crmProspectIds: [crm(0)] });
    expect(found.errors).toHaveLength(1);
    const [error] = found.errors;
    expect(error).toMatchObject({ kind: "connection", status: null, requestId: null, ids: [crm(0)] });
    expect(error?.message).not.toBe("");
    expect(error?.messages).toEqual([error?.message]);
  });
});
