import { describe, expect, it } from "vitest";
import { type Doc, doc, verdicts } from "./pairs.js";

/** `GET /v2/flows` with the given parameters (and optionally path-level ones). */
const listFlows = (parameters: Doc[], pathParameters?: Doc[], components: Doc = {}) =>
  doc(
    {
      "/v2/flows": {
        ...(pathParameters ? { parameters: pathParameters } : {}),
        get: { operationId: "listFlows", parameters, responses: { "200": { description: "ok" } } },
      },
    },
    components,
  );
const query = (name: string, schema: Doc = { type: "string" }, extra: Doc = {}) => ({
  name,
  in: "query",
  schema,
  ...extra,
});
const OP = "GET /v2/flows";

describe("parameters of every kind: what a client sends must stay accepted", () => {
  it.each(["query", "header", "cookie"])(
    "request-parameter-added-required / -optional: a %s parameter",
    (location) => {
      const before = listFlows([]);
      const after = listFlows([
        { name: "X-Tenant", in: location, required: true, schema: { type: "string" } },
        { name: "X-Trace", in: location, schema: { type: "string" } },
      ]);
      const name = (n: string) => (location === "header" ? n.toLowerCase() : n);
      expect(verdicts(before, after)).toEqual([
        `ERR request-parameter-added-required ${OP} /parameters/${location}/${name("X-Tenant")}`,
        `INFO request-parameter-added-optional ${OP} /parameters/${location}/${name("X-Trace")}`,
      ]);
    },
  );

  it("request-parameter-added-required: a new path parameter is always required", () => {
    const before = doc({ "/flows": { get: { responses: { "200": { description: "ok" } } } } });
    const after = doc({
      "/flows": {
        get: {
          parameters: [{ name: "id", in: "path", schema: { type: "string" } }],
          responses: { "200": { description: "ok" } },
        },
      },
    });
    expect(verdicts(before, after)).toEqual([
      `ERR request-parameter-added-required GET /flows /parameters/path/id`,
    ]);
  });

  it("request-parameter-removed, -became-required, -became-optional", () => {
    const before = listFlows([
      query("cursor"),
      query("workspaceId"),
      query("flowOwnerEmail", undefined, { required: true }),
    ]);
    const after = listFlows([query("cursor", undefined, { required: true }), query("flowOwnerEmail")]);
    expect(verdicts(before, after)).toEqual([
      `ERR request-parameter-became-required ${OP} /parameters/query/cursor`,
      `ERR request-parameter-removed ${OP} /parameters/query/workspaceId`,
      `INFO request-parameter-became-optional ${OP} /parameters/query/flowOwnerEmail`,
    ]);
  });

  it("request-parameter-serialization-changed: style or explode of a query array", () => {
    const ids = (extra: Doc) =>
      listFlows([query("ids", { type: "array", items: { type: "string" } }, extra)]);
    expect(verdicts(ids({}), ids({ style: "form", explode: true }))).toEqual([]);
    expect(verdicts(ids({}), ids({ explode: false }))).toEqual([
      `ERR request-parameter-serialization-changed ${OP} /parameters/query/ids`,
    ]);
  });

  it.each([
    ["query", { type: "string" }, { type: "string", maxLength: 64 }, "request-max-length-tightened"],
    ["path", { type: "string" }, { type: "string", pattern: "^[0-9]{1,30}$" }, "request-pattern-added"],
    ["header", { type: "string" }, { type: "string", enum: ["a", "b"] }, "request-enum-added"],
    ["cookie", { type: ["string", "integer"] }, { type: "integer" }, "request-type-narrowed"],
    [
      "query",
      { type: "integer", maximum: 100 },
      { type: "integer", maximum: 50 },
      "request-maximum-tightened",
    ],
  ])("a %s parameter's schema is compared like a request body: %j → %j", (location, before, after, rule) => {
    const at = (schema: Doc) =>
      doc({
        "/f/{p}": {
          get: { parameters: [{ name: "p", in: location, required: true, schema }], responses: {} },
        },
      });
    expect(verdicts(at(before), at(after))).toEqual([
      `ERR ${rule} GET /f/{p} /parameters/${location}/p/schema`,
    ]);
  });

  it("path-level parameters count for every operation, and a parameter's content schema is read", () => {
    const filter = (schema: Doc) => ({
      name: "filter",
      in: "query",
      content: { "application/json": { schema } },
    });
    const before = listFlows([], [filter({ type: "object" })]);
    const after = listFlows([], [filter({ type: "object", required: ["a"], properties: { a: {} } })]);
    expect(verdicts(before, after)).toEqual([
      `ERR request-property-added-required ${OP} /parameters/query/filter/schema/properties/a`,
    ]);
  });

  it("header names compare case-insensitively; Accept, Content-Type and Authorization are ignored", () => {
    const headers = (name: string) =>
      listFlows([
        { name, in: "header", required: true, schema: { type: "string" } },
        { name: "Authorization", in: "header", required: true },
      ]);
    expect(verdicts(headers("X-Request-Id"), headers("x-request-id"))).toEqual([]);
  });

  it("paging of a read operation: cursor made required, tightened, and a new optional page size", () => {
    const before = listFlows([
      query("flowOwnerEmail", { type: "string", format: "email" }, { required: true }),
      query("cursor"),
    ]);
    const after = listFlows([
      query("flowOwnerEmail", { type: "string", format: "email" }, { required: true }),
      query("cursor", { type: "string", maxLength: 512 }, { required: true }),
      query("pageSize", { type: "integer", maximum: 100 }),
    ]);
    expect(verdicts(before, after)).toEqual([
      `ERR request-parameter-became-required ${OP} /parameters/query/cursor`,
      `ERR request-max-length-tightened ${OP} /parameters/query/cursor/schema`,
      `INFO request-parameter-added-optional ${OP} /parameters/query/pageSize`,
    ]);
  });

  it("parameters given by $ref are resolved, so moving one to components changes nothing", () => {
    const cursor = query("cursor", { type: "string" });
    const inline = listFlows([cursor]);
    const moved = listFlows([{ $ref: "#/components/parameters/Cursor" }], undefined, {
      parameters: { Cursor: cursor },
    });
    expect(verdicts(inline, moved)).toEqual(["INFO component-added components /parameters/Cursor"]);
  });
});
