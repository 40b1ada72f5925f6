import { describe, expect, it } from "vitest";
import { collectExamples, createExampleValidator } from "./examples.js";
import { loadDocument } from "./spec-file.js";

const spec = loadDocument();
const sites = collectExamples(spec);
const violations = createExampleValidator(spec);

describe("every example in the spec validates against its own schema", () => {
  it("finds the examples of every media type, the Retry-After header and the component schemas", () => {
    const where = sites.map((site) => site.where);
    const unassign = "/paths/~1v2~1flows~1prospects~1unassign-flows-by-instance-id/post";
    const lookup = "/paths/~1v2~1flows~1prospects/post";
    const listFlows = "/paths/~1v2~1flows/get";
    for (const expected of [
      `${unassign}/requestBody/content/application~1json/examples/allUnassigned`,
      `${unassign}/requestBody/content/application~1json/examples/partialSuccess`,
      `${unassign}/responses/200/content/application~1json/examples/partialSuccess`,
      `${unassign}/responses/400/content/application~1json/examples/unknownFlowInstance`,
      `${lookup}/requestBody/content/application~1json/examples/byCrmProspectIds`,
      `${lookup}/requestBody/content/application~1json/examples/byFlowInstanceIds`,
      `${lookup}/responses/200/content/application~1json/examples/byFlowInstanceIds`,
      `${listFlows}/parameters/0/examples/firstPage`,
      `${listFlows}/parameters/1/examples/lastPage`,
      `${listFlows}/responses/200/content/application~1json/examples/lastPage`,
      "/components/responses/RateLimited/content/application~1json/examples/rateLimited",
      "/components/responses/MissingReadScope/content/application~1json/examples/forbidden",
      "/components/headers/RetryAfter/example",
      "/components/schemas/FlowInstanceId/examples/0",
      "/components/schemas/CrmProspectId/examples/0",
      "/components/schemas/UnassignFlowsByInstanceIdRequest/properties/unassignedByUserEmail/examples/0",
    ]) {
      expect(where).toContain(expected);
    }
  });

  it.each(sites.map((site) => [site.where, site] as const))("%s", (_, site) => {
    expect(violations(site)).toEqual([]);
  });
});

describe("the example check itself", () => {
  it("reports each example that breaks its schema, with where and why", () => {
    const broken = loadDocument("test/fixtures/wrong-examples.yaml");
    const validate = createExampleValidator(broken);
    const found = collectExamples(broken).map((site) => [site.where, validate(site)]);
    expect(Object.fromEntries(found)).toEqual({
      "/paths/~1things/post/requestBody/content/application~1json/examples/tooMany": [
        "/ids must NOT have more than 2 items",
      ],
      "/paths/~1things/post/requestBody/content/application~1json/examples/fine": [],
      "/paths/~1things/post/responses/429/headers/Retry-After/example": ["(root) must be integer"],
      "/paths/~1things/post/responses/429/content/application~1json/examples/viaRef": [
        "(root) must have required property 'errors'",
      ],
      "/components/schemas/Email/examples/0": ['(root) must match format "email"'],
    });
  });
});
