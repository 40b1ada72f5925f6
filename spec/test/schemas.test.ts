import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { loadDocument, operationsOf, resolveLocal } from "./spec-file.js";

const spec = loadDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(spec, "spec");
const accepts = (schema: string, value: unknown) =>
  ajv.getSchema(`spec#/components/schemas/${schema}`)?.(value);

describe("ids are decimal digit strings of 1 to 30 digits", () => {
  const unassign = (ids: unknown[]) => accepts("UnassignFlowsByInstanceIdRequest", { flowInstanceIds: ids });

  it.each([["234599484848423"], ["1"], ["1".repeat(30)]])("accepts %s", (id) => {
    expect(unassign([id])).toBe(true);
  });

  it.each([["SVXHP"], [""], ["1".repeat(31)], ["12 3"], ["-1"], ["1e5"], ["١٢٣"], ["test@test.com"]])(
    "refuses %j in an unassign request",
    (id) => {
      expect(unassign([id])).toBe(false);
    },
  );

  it.each(["FlowId", "WorkspaceId", "FolderId"])("%s has the same pattern", (schema) => {
    expect(accepts(schema, "5843453264563")).toBe(true);
    expect(accepts(schema, "flow-1")).toBe(false);
  });
});

describe("a prospects lookup asks by exactly one kind of id", () => {
  const lookup = (body: unknown) => accepts("ProspectsAssignedFlowsRequestV2", body);

  it("accepts CRM prospect ids or flow instance ids", () => {
    expect(lookup({ crmProspectsIds: ["0031U00001WbIYHQA3", "512"] })).toBe(true);
    expect(lookup({ flowInstanceIds: ["234599484848423"] })).toBe(true);
  });

  it.each([
    ["neither", {}],
    ["both", { crmProspectsIds: ["0031U00001WbIYHQA3"], flowInstanceIds: ["234599484848423"] }],
    ["an empty list", { crmProspectsIds: [] }],
    ["a repeated id", { flowInstanceIds: ["234599484848423", "234599484848423"] }],
    ["Gong's spelling not followed", { crmProspectIds: ["0031U00001WbIYHQA3"] }],
    ["a CRM id with a comma", { crmProspectsIds: ["a,b"] }],
    ["a CRM id with whitespace", { crmProspectsIds: ["0031U 00001"] }],
    ["a CRM id of 129 characters", { crmProspectsIds: ["a".repeat(129)] }],
    ["a flow instance id that is not digits", { flowInstanceIds: ["SVXHP"] }],
    ["201 ids", { flowInstanceIds: Array.from({ length: 201 }, (_, i) => String(i)) }],
  ])("refuses %s", (_, body) => {
    expect(lookup(body)).toBe(false);
  });
});

describe("examples that belong together share a name", () => {
  type Examples = Record<string, unknown>;
  interface Media {
    examples?: Examples;
  }
  for (const operation of operationsOf(spec)) {
    const raw = (spec.paths as Record<string, Record<string, Record<string, unknown>>>)[operation.path]?.[
      operation.method
    ] as {
      requestBody?: { content: Record<string, Media> };
      parameters?: { examples?: Examples }[];
      responses: Record<string, unknown>;
    };
    const requestNames = new Set([
      ...Object.values(raw.requestBody?.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {})),
      ...(raw.parameters ?? []).flatMap((parameter) => Object.keys(parameter.examples ?? {})),
    ]);
    const successNames = new Set(
      Object.entries(raw.responses)
        .filter(([status]) => status.startsWith("2"))
        .flatMap(([, response]) =>
          Object.values(resolveLocal(spec, response as { content?: Record<string, Media> }).content ?? {}),
        )
        .flatMap((media) => Object.keys(media.examples ?? {})),
    );

    it(`${operation.operationId}: every named request example has a success example of the same name`, () => {
      expect(requestNames.size).toBeGreaterThan(0);
      expect([...requestNames].filter((name) => !successNames.has(name))).toEqual([]);
    });
  }
});
