import { describe, expect, it } from "vitest";
import { GongInputError } from "../../src/index.js";
import { testClient } from "../helpers.js";
import { lookupGong } from "./lookup-gong.js";

const CRM = "0031U00001Wb000001";

/** The input error a query (and options) is refused with; nothing may have been sent. */
async function refusal(query: unknown, options: object = {}) {
  const gong = lookupGong({});
  const { client } = testClient({ fetch: gong.fetch });
  const error = await client.findFlowInstances(query as never, options).catch((e) => e);
  expect(error).toBeInstanceOf(GongInputError);
  expect(gong.calls).toEqual([]);
  const { message, field, index, value } = error as GongInputError;
  return { message, field, index, value };
}

describe("findFlowInstances query", () => {
  it.each([
    ["null", null],
    ["a string", CRM],
  ])("refuses %s as a query, naming the two kinds of ids", async (_, query) => {
    expect(await refusal(query)).toEqual({
      message: "findFlowInstances needs { crmProspectIds } or { flowInstanceIds }",
      field: "query",
      index: null,
      value: null,
    });
  });

  it.each([
    ["neither kind", {}],
    ["both kinds", { crmProspectIds: [CRM], flowInstanceIds: ["1"] }],
  ])("refuses %s of ids", async (_, query) => {
    expect(await refusal(query)).toEqual({
      message: "findFlowInstances needs exactly one of crmProspectIds and flowInstanceIds",
      field: "query",
      index: null,
      value: null,
    });
  });

  it("names flowInstanceIds for a bad flow instance id", async () => {
    expect(await refusal({ flowInstanceIds: ["1", "SVXHP"] })).toMatchObject({
      field: "flowInstanceIds",
      index: 1,
      value: "SVXHP",
    });
  });
});

describe("CRM prospect ids against the spec's schema", () => {
  it.each([
    ["", "is empty"],
    [
      "a b",
      "is not a CRM prospect id: no whitespace, commas or control characters (the spec's pattern ^[^\\s,\\x00-\\x1F\\x7F-\\x9F]+$)",
    ],
    ["a".repeat(129), "is 129 characters long (at most 128)"],
  ])("refuses %j at its position, saying why", async (bad, problem) => {
    const shown = JSON.stringify(bad.length > 60 ? `${bad.slice(0, 60)}…` : bad);
    expect(await refusal({ crmProspectIds: [CRM, CRM, bad] })).toEqual({
      message: `crmProspectIds[2] ${shown} ${problem}`,
      field: "crmProspectIds",
      index: 2,
      value: bad.length > 60 ? `${bad.slice(0, 60)}…` : bad,
    });
  });

  it("sends ids of one and of 128 characters, the schema's bounds", async () => {
    const gong = lookupGong({});
    const { client } = testClient({ fetch: gong.fetch });
    const found = await client.findFlowInstances({ crmProspectIds: ["7", "a".repeat(128)] });
    expect(gong.calls.map((call) => call.body)).toEqual([{ crmProspectsIds: ["7", "a".repeat(128)] }]);
    expect(found.notFound).toEqual(["7", "a".repeat(128)]);
  });

  it("refuses an id that is not a string, naming its position and type", async () => {
    expect(await refusal({ crmProspectIds: [CRM, 7] })).toEqual({
      message: "crmProspectIds[1] must be a string, got number",
      field: "crmProspectIds",
      index: 1,
      value: null,
    });
  });

  it("refuses a single string where a list is expected, showing it", async () => {
    expect(await refusal({ crmProspectIds: CRM })).toEqual({
      message: "crmProspectIds must be an iterable (e.g. an array) of id strings",
      field: "crmProspectIds",
      index: null,
      value: CRM,
    });
  });

  it("refuses an empty list", async () => {
    expect(await refusal({ crmProspectIds: new Set() })).toEqual({
      message: "crmProspectIds is empty: pass at least one id",
      field: "crmProspectIds",
      index: null,
      value: null,
    });
  });
});

describe("flowIds option", () => {
  it("refuses an empty list of flows: it would keep nothing", async () => {
    expect(await refusal({ crmProspectIds: [CRM] }, { flowIds: [] })).toEqual({
      message: "flowIds is empty: pass at least one id",
      field: "flowIds",
      index: null,
      value: null,
    });
  });

  it("refuses a number where a list is expected", async () => {
    expect(await refusal({ crmProspectIds: [CRM] }, { flowIds: 11 })).toEqual({
      message: "flowIds must be an iterable (e.g. an array) of id strings",
      field: "flowIds",
      index: null,
      value: null,
    });
  });
});
