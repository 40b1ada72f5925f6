import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Doc, verdicts } from "./pairs.js";

const read = (path: string): Doc =>
  parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8"));
const UNASSIGN = "POST /v2/flows/prospects/unassign-flows-by-instance-id";
const BODY = `${UNASSIGN} /requestBody/content/application~1json/schema`;

/** The released spec, edited as the table says. */
const released = () => read("../../../../spec/released/openapi.yaml");
const edited = (edit: (spec: Doc) => void) => {
  const spec = released();
  edit(spec);
  return spec;
};
const request = (spec: Doc) => spec.components.schemas.UnassignFlowsByInstanceIdRequest;
const unassign = (spec: Doc) => spec.paths["/v2/flows/prospects/unassign-flows-by-instance-id"].post;

describe("the issue's table, re-run on the released spec", () => {
  it("an enum added to a request field: breaking", () => {
    const after = edited((spec) => {
      request(spec).properties.unassignedByUserEmail.enum = ["test@test.com"];
    });
    expect(verdicts(released(), after)).toEqual([
      `ERR request-enum-added ${BODY}/properties/unassignedByUserEmail`,
    ]);
  });

  it("a new required header parameter: breaking", () => {
    const after = edited((spec) => {
      unassign(spec).parameters = [
        { name: "X-Gong-Workspace", in: "header", required: true, schema: { type: "string" } },
      ];
    });
    expect(verdicts(released(), after)).toEqual([
      `ERR request-parameter-added-required ${UNASSIGN} /parameters/header/x-gong-workspace`,
    ]);
  });

  it("the basicAuth scheme changed from basic to bearer, same name: breaking", () => {
    const after = edited((spec) => {
      spec.components.securitySchemes.basicAuth.scheme = "bearer";
    });
    expect(verdicts(released(), after)).toEqual([
      `ERR security-scheme-http-scheme-changed ${UNASSIGN} /security/basicAuth/scheme`,
    ]);
  });

  it("a pattern added beside a $ref: breaking", () => {
    const after = edited((spec) => {
      request(spec).properties.flowInstanceIds.items = {
        $ref: "#/components/schemas/FlowInstanceId",
        pattern: "^[0-9]+$",
      };
    });
    expect(verdicts(released(), after)).toEqual([
      `ERR request-pattern-added ${BODY}/properties/flowInstanceIds/items`,
    ]);
  });

  it("the request schema wrapped in a one-member allOf: not breaking, no difference at all", () => {
    const after = edited((spec) => {
      const body = unassign(spec).requestBody.content["application/json"];
      body.schema = { allOf: [body.schema] };
    });
    expect(verdicts(released(), after)).toEqual([]);
  });
});

describe("the spec's growth (fixture pair: ids get a pattern, two read operations arrive)", () => {
  const before = read("../fixtures/ids-pattern-and-reads/before.yaml");
  const after = read("../fixtures/ids-pattern-and-reads/after.yaml");

  it("reports the pattern on the ids sent as breaking and the new operations as not breaking", () => {
    expect(verdicts(before, after)).toEqual([
      `ERR request-pattern-added ${BODY}/properties/flowInstanceIds/items`,
      `INFO response-pattern-added ${UNASSIGN} /responses/200/content/application~1json/schema/properties/unassignedFlowInstanceIds/items`,
      `INFO security-scheme-oauth-scope-added ${UNASSIGN} /security/oauth2/scheme/flows/authorizationCode`,
      "INFO operation-added GET /v2/flows",
      "INFO operation-added POST /v2/flows/prospects",
      "INFO component-added components /schemas/WorkspaceId",
    ]);
  });

  it("once released, the new read operations are compared like the first: paging and query parameters", () => {
    const next = read("../fixtures/ids-pattern-and-reads/after.yaml");
    const list = next.paths["/v2/flows"].get;
    list.parameters[1].required = true;
    list.parameters.push({ name: "pageSize", in: "query", required: true, schema: { type: "integer" } });
    next.components.schemas.WorkspaceId.maxLength = 20;
    delete list.responses["200"].content["application/json"].schema.properties.records.properties.cursor;
    const prospects = next.paths["/v2/flows/prospects"].post;
    prospects.requestBody.content["application/json"].schema.properties.flowInstanceIds.maxItems = 100;
    expect(verdicts(after, next)).toEqual([
      "ERR request-parameter-became-required GET /v2/flows /parameters/query/cursor",
      "ERR request-max-length-tightened GET /v2/flows /parameters/query/workspaceId/schema",
      "ERR request-parameter-added-required GET /v2/flows /parameters/query/pageSize",
      "ERR response-property-removed GET /v2/flows /responses/200/content/application~1json/schema/properties/records/properties/cursor",
      "ERR request-max-items-tightened POST /v2/flows/prospects /requestBody/content/application~1json/schema/properties/flowInstanceIds",
    ]);
  });
});
