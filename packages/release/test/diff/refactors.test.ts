import { describe, expect, it } from "vitest";
import { type Doc, doc, REQUEST, RESPONSE, requestWith, responseWith, verdicts } from "./pairs.js";

const request = {
  type: "object",
  required: ["ids"],
  additionalProperties: false,
  properties: {
    ids: { type: "array", minItems: 1, maxItems: 200, uniqueItems: true, items: { type: "string" } },
    email: { type: "string", format: "email" },
  },
};
const both = (schema: unknown, components: Doc = {}) => {
  const spec = requestWith(schema, components);
  spec.paths["/things"].get = responseWith(schema).paths["/things"].get;
  return spec;
};

describe("harmless refactors are never refused: schemas are compared by meaning", () => {
  it.each([
    [
      "moving a schema to components",
      both({ $ref: "#/components/schemas/Req" }, { schemas: { Req: request } }),
    ],
    ["wrapping it in a one-member allOf", both({ allOf: [request] })],
    [
      "wrapping its $ref in a one-member allOf",
      both({ allOf: [{ $ref: "#/components/schemas/Req" }] }, { schemas: { Req: request } }),
    ],
    ["a one-member oneOf", both({ oneOf: [request] })],
    [
      "splitting it across allOf members",
      both({
        allOf: [
          { type: "object", required: ["ids"], properties: { ids: request.properties.ids } },
          { additionalProperties: false, properties: { email: request.properties.email } },
        ],
      }),
    ],
    [
      "reordering properties, required and keys",
      both({
        properties: { email: request.properties.email, ids: request.properties.ids },
        additionalProperties: false,
        required: ["ids"],
        type: "object",
      }),
    ],
    [
      "descriptions, titles and examples",
      both({
        ...request,
        title: "Request",
        description: "New words.",
        examples: [{ ids: ["1"] }],
        properties: { ...request.properties, email: { ...request.properties.email, description: "Who." } },
      }),
    ],
    [
      "a $ref whose only sibling is a description",
      both({ $ref: "#/components/schemas/Req", description: "Why." }, { schemas: { Req: request } }),
    ],
  ])("%s", (_, after) => {
    // A new component is a new name in the generated types, nothing more.
    const added = Object.keys(after.components.schemas ?? {}).map(
      (name) => `INFO component-added components /schemas/${name}`,
    );
    expect(verdicts(both(request), after)).toEqual(added);
  });

  it.each([
    ["nullable: true", { type: "string", nullable: true }, { type: ["string", "null"] }],
    [
      "oneOf with a null alternative",
      { type: ["null", "string"] },
      { oneOf: [{ type: "string" }, { type: "null" }] },
    ],
    ["const", { type: "string", enum: ["a"] }, { type: "string", const: "a" }],
    ["reordered enum", { type: "string", enum: ["a", "b", "c"] }, { type: "string", enum: ["c", "a", "b"] }],
    [
      "3.0 exclusiveMaximum",
      { type: "number", maximum: 10, exclusiveMaximum: true },
      { type: "number", exclusiveMaximum: 10 },
    ],
    [
      "implicit object type",
      { properties: { a: { type: "string" } } },
      { type: "object", properties: { a: { type: "string" } } },
    ],
    [
      "reordered oneOf",
      { oneOf: [{ type: "string" }, { type: "integer" }] },
      { oneOf: [{ type: "integer" }, { type: "string" }] },
    ],
    [
      "allOf with a repeated constraint",
      { type: "string", maxLength: 5 },
      { allOf: [{ type: "string", maxLength: 5 }, { maxLength: 8 }] },
    ],
  ])("the same meaning written differently: %s", (_, before, after) => {
    expect(verdicts(both(before), both(after))).toEqual([]);
  });

  it("adding an optional request field and a new operation are not breaking", () => {
    const after = both({ ...request, properties: { ...request.properties, note: { type: "string" } } });
    after.paths["/other"] = { get: { operationId: "other", responses: { "200": { description: "ok" } } } };
    expect(verdicts(both(request), after)).toEqual([
      `INFO response-property-added ${RESPONSE}/properties/note`,
      `INFO request-property-added-optional ${REQUEST}/properties/note`,
      "INFO operation-added GET /other",
    ]);
  });

  it("reordered parameters, statuses and security alternatives change nothing", () => {
    const p = (name: string) => ({ name, in: "query", schema: { type: "string" } });
    const spec = (parameters: Doc[], responses: Doc, security: Doc[]) =>
      doc(
        { "/x": { get: { operationId: "x", parameters, responses, security } } },
        { securitySchemes: { a: { type: "http", scheme: "basic" }, b: { type: "http", scheme: "bearer" } } },
      );
    const r200 = { "200": { description: "ok" } };
    const r404 = { "404": { description: "no" } };
    expect(
      verdicts(
        spec([p("a"), p("b")], { ...r200, ...r404 }, [{ a: [] }, { b: [] }]),
        spec([p("b"), p("a")], { ...r404, ...r200 }, [{ b: [] }, { a: [] }]),
      ),
    ).toEqual([]);
  });
});

describe("$ref resolution", () => {
  const tree = (name: Doc) => ({
    schemas: {
      Node: {
        type: "object",
        properties: { name, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
      },
    },
  });

  it("a recursive schema compares in finite time and reports a change once, where the recursion starts", () => {
    const node = { $ref: "#/components/schemas/Node" };
    expect(
      verdicts(
        requestWith(node, tree({ type: "string" })),
        requestWith(node, tree({ type: "string", maxLength: 5 })),
      ),
    ).toEqual([`ERR request-max-length-tightened ${REQUEST}/properties/name`]);
  });

  it("mutually recursive schemas compare by meaning; renaming them breaks code naming their types", () => {
    const components = (a: string, b: string) => ({
      schemas: {
        [a]: { type: "object", properties: { b: { $ref: `#/components/schemas/${b}` } } },
        [b]: {
          type: "object",
          properties: { a: { $ref: `#/components/schemas/${a}` }, n: { type: "integer" } },
        },
      },
    });
    const before = requestWith({ $ref: "#/components/schemas/A" }, components("A", "B"));
    const after = requestWith({ $ref: "#/components/schemas/Left" }, components("Left", "Right"));
    expect(verdicts(before, after)).toEqual([
      "ERR component-removed components /schemas/A",
      "ERR component-removed components /schemas/B",
      "INFO component-added components /schemas/Left",
      "INFO component-added components /schemas/Right",
    ]);
  });

  it("a bare cycle of $refs and a dangling $ref do not crash", () => {
    const loop = {
      schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } },
    };
    expect(
      verdicts(
        requestWith({ $ref: "#/components/schemas/A" }, loop),
        requestWith({ $ref: "#/components/schemas/A" }, loop),
      ),
    ).toEqual([]);
    expect(
      verdicts(requestWith({ type: "string" }), requestWith({ $ref: "#/components/schemas/Missing" })),
    ).toEqual([`INFO request-type-widened ${REQUEST}`]);
  });

  it("siblings of a $ref (OpenAPI 3.1) constrain it: a pattern beside a $ref is a tightening", () => {
    const components = { schemas: { Id: { type: "string" } } };
    const before = requestWith({ $ref: "#/components/schemas/Id" }, components);
    const after = requestWith({ $ref: "#/components/schemas/Id", pattern: "^[0-9]+$" }, components);
    expect(verdicts(before, after)).toEqual([`ERR request-pattern-added ${REQUEST}`]);
  });
});
