import { describe, expect, it } from "vitest";
import { json, testClient } from "../helpers.js";
import { instance } from "./lookup-gong.js";

const CRM = "0031U00001Wb000001";
const record = instance({ crmProspectId: CRM, flowId: "11", flowInstanceId: "234599484800001" });
const { flowInstanceId: _i, ...withoutInstanceId } = record;
const { flowId: _f, ...withoutFlowId } = record;
const { crmProspectId: _c, ...withoutCrmId } = record;

const INVALID = {
  kind: "invalid_response",
  message: "Gong answered the flow instance lookup with a body that does not match the spec",
  messages: [],
  ids: [CRM],
} as const;

/** Looks one CRM id up against a Gong that answers with `response`. */
async function lookUp(response: () => Response) {
  const fetch = (async () => response()) as unknown as typeof globalThis.fetch;
  const { client } = testClient({ fetch });
  return client.findFlowInstances({ crmProspectIds: [CRM] });
}

describe("lookup answers that break the spec", () => {
  it.each([
    ["a null body", null],
    ["a record that is null", { requestId: "rq-1", prospectsAssigned: [null] }],
    ["a record that is a number", { requestId: "rq-1", prospectsAssigned: [1] }],
    ["a record without flowInstanceId", { requestId: "rq-1", prospectsAssigned: [withoutInstanceId] }],
    [
      "a record whose flowInstanceId is a number",
      { requestId: "rq-1", prospectsAssigned: [{ ...record, flowInstanceId: 1 }] },
    ],
    ["a record without flowId", { requestId: "rq-1", prospectsAssigned: [withoutFlowId] }],
    ["a record without crmProspectId", { requestId: "rq-1", prospectsAssigned: [withoutCrmId] }],
  ])("reports %s as an invalid answer, its ids not looked up", async (_, body) => {
    const found = await lookUp(() => json(200, body));
    const requestId = body === null ? null : "rq-1";
    expect(found).toEqual({
      instances: [],
      notFound: [],
      notLookedUp: [CRM],
      requests: 1,
      requestIds: requestId === null ? [] : [requestId],
      errors: [{ ...INVALID, status: 200, requestId }],
    });
  });

  it("reports an answer without a body (204) as invalid, with its status", async () => {
    const found = await lookUp(() => new Response(null, { status: 204 }));
    expect(found.errors).toEqual([{ ...INVALID, status: 204, requestId: null }]);
    expect(found.notLookedUp).toEqual([CRM]);
  });

  it("keeps a valid record, unknown fields included", async () => {
    const extra = { ...record, somethingNew: 1 };
    const found = await lookUp(() => json(200, { requestId: "rq-1", prospectsAssigned: [extra] }));
    expect(found).toMatchObject({ instances: [extra], notFound: [], notLookedUp: [], errors: [] });
  });
});

describe("a lookup aborted in flight", () => {
  it("resolves with its ids not looked up: the request is cut off, not waited for", async () => {
    const controller = new AbortController();
    /** Answers after a few turns unless its signal ends it first; the caller aborts on the first turn. */
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      setImmediate(() => controller.abort());
      for (let turn = 0; turn < 5; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (init?.signal?.aborted) throw init.signal.reason;
      }
      return json(200, { requestId: "late", prospectsAssigned: [record] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch });
    const found = await client.findFlowInstances({ crmProspectIds: [CRM] }, { signal: controller.signal });
    expect(found).toEqual({
      instances: [],
      notFound: [],
      notLookedUp: [CRM],
      requests: 1,
      requestIds: [],
      errors: [],
    });
  });
});
