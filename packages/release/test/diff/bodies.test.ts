import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../src/spec-diff.js";
import { type Doc, doc, verdicts } from "./pairs.js";

const post = (operation: Doc) =>
  doc({ "/things": { post: { operationId: "create", responses: {}, ...operation } } });
const json = (schema: Doc = { type: "object" }) => ({ "application/json": { schema } });
const OP = "POST /things";

describe("request bodies and media types", () => {
  it("request-body-added-required / -added-optional / -removed", () => {
    const none = post({});
    expect(verdicts(none, post({ requestBody: { required: true, content: json() } }))).toEqual([
      `ERR request-body-added-required ${OP} /requestBody`,
    ]);
    expect(verdicts(none, post({ requestBody: { content: json() } }))).toEqual([
      `INFO request-body-added-optional ${OP} /requestBody`,
    ]);
    expect(verdicts(post({ requestBody: { content: json() } }), none)).toEqual([
      `ERR request-body-removed ${OP} /requestBody`,
    ]);
  });

  it("request-body-became-required / -became-optional", () => {
    const body = (required: boolean) => post({ requestBody: { required, content: json() } });
    expect(verdicts(body(false), body(true))).toEqual([
      `ERR request-body-became-required ${OP} /requestBody`,
    ]);
    expect(verdicts(body(true), body(false))).toEqual([
      `INFO request-body-became-optional ${OP} /requestBody`,
    ]);
  });

  it("request-media-type-removed / -added; parameters and case of a media type do not matter", () => {
    const body = (content: Doc) => post({ requestBody: { required: true, content } });
    const form = { "application/x-www-form-urlencoded": { schema: { type: "object" } } };
    expect(verdicts(body({ ...json(), ...form }), body(json()))).toEqual([
      `ERR request-media-type-removed ${OP} /requestBody/content/application~1x-www-form-urlencoded`,
    ]);
    expect(verdicts(body(json()), body({ ...json(), ...form }))).toEqual([
      `INFO request-media-type-added ${OP} /requestBody/content/application~1x-www-form-urlencoded`,
    ]);
    expect(
      verdicts(body(json()), body({ "Application/JSON; charset=utf-8": { schema: { type: "object" } } })),
    ).toEqual([]);
  });

  it("a request body given by $ref is resolved", () => {
    const body = { required: true, content: json({ type: "object", properties: { a: { type: "string" } } }) };
    const before = post({ requestBody: body });
    const after = {
      ...post({ requestBody: { $ref: "#/components/requestBodies/Thing" } }),
      components: { requestBodies: { Thing: body } },
    };
    expect(verdicts(before, after)).toEqual(["INFO component-added components /requestBodies/Thing"]);
  });
});

const get = (responses: Doc, components: Doc = {}) =>
  doc({ "/things": { get: { operationId: "list", responses } } }, components);
const GET = "GET /things";
const ok = (extra: Doc = {}) => ({ description: "ok", content: json(), ...extra });

describe("response statuses, headers and media types", () => {
  it("response-status-removed (success or error), response-success-status-added, response-error-status-added", () => {
    const before = get({ "200": ok(), "404": { description: "missing" } });
    const after = get({ "201": ok(), "429": { description: "slow down" } });
    expect(verdicts(before, after)).toEqual([
      `ERR response-status-removed ${GET} /responses/200`,
      `ERR response-status-removed ${GET} /responses/404`,
      `ERR response-success-status-added ${GET} /responses/201`,
      `INFO response-error-status-added ${GET} /responses/429`,
    ]);
  });

  it("response-error-status-added: a status is reported as written (`default`, `2xx`)", () => {
    const found = diffSpecs(get({ "2xx": ok() }), get({ "2XX": ok(), default: { description: "other" } }));
    expect(found.map((d) => `${d.level} ${d.rule} ${d.operation} ${d.path}: ${d.message}`)).toEqual([
      `INFO response-error-status-added ${GET} /responses/default: response default added`,
    ]);
  });

  it("response-media-type-removed / -added", () => {
    const csv = { "text/csv": { schema: { type: "string" } } };
    expect(verdicts(get({ "200": ok({ content: { ...json(), ...csv } }) }), get({ "200": ok() }))).toEqual([
      `ERR response-media-type-removed ${GET} /responses/200/content/text~1csv`,
    ]);
    expect(verdicts(get({ "200": ok() }), get({ "200": ok({ content: { ...json(), ...csv } }) }))).toEqual([
      `INFO response-media-type-added ${GET} /responses/200/content/text~1csv`,
    ]);
  });

  it("response-header-removed / response-optional-header-removed / -added", () => {
    const headers = (h: Doc) => get({ "429": { description: "slow", headers: h } });
    const retry = { required: true, schema: { type: "integer" } };
    const limit = { schema: { type: "integer" } };
    expect(verdicts(headers({ "Retry-After": retry, "X-Limit": limit }), headers({}))).toEqual([
      `ERR response-header-removed ${GET} /responses/429/headers/retry-after`,
      `WARN response-optional-header-removed ${GET} /responses/429/headers/x-limit`,
    ]);
    expect(verdicts(headers({}), headers({ "X-Limit": limit }))).toEqual([
      `INFO response-header-added ${GET} /responses/429/headers/x-limit`,
    ]);
  });

  it("response-header-became-optional / -became-required, and a header's type compared as a response value", () => {
    const retry = (required: boolean, schema: Doc = { type: "integer", minimum: 0 }) =>
      get({ "429": { description: "slow", headers: { "Retry-After": { required, schema } } } });
    expect(verdicts(retry(true), retry(false))).toEqual([
      `ERR response-header-became-optional ${GET} /responses/429/headers/retry-after`,
    ]);
    expect(verdicts(retry(false), retry(true))).toEqual([
      `INFO response-header-became-required ${GET} /responses/429/headers/retry-after`,
    ]);
    expect(verdicts(retry(true), retry(true, { type: ["integer", "string"], minimum: 0 }))).toEqual([
      `ERR response-type-widened ${GET} /responses/429/headers/retry-after/schema`,
    ]);
    expect(verdicts(retry(true), retry(true, { type: "integer" }))).toEqual([
      `ERR response-minimum-loosened ${GET} /responses/429/headers/retry-after/schema`,
    ]);
  });

  it("responses and headers given by $ref are resolved", () => {
    const header = { required: true, schema: { type: "integer" } };
    const response = { description: "slow", headers: { "Retry-After": header }, content: json() };
    const inline = get({ "429": response });
    const moved = get(
      { "429": { $ref: "#/components/responses/Slow" } },
      {
        responses: {
          Slow: { ...response, headers: { "Retry-After": { $ref: "#/components/headers/Retry" } } },
        },
        headers: { Retry: header },
      },
    );
    expect(verdicts(inline, moved)).toEqual([
      "INFO component-added components /responses/Slow",
      "INFO component-added components /headers/Retry",
    ]);
  });
});
