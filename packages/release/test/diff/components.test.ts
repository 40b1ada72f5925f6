import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../src/spec-diff.js";
import { type Doc, doc, object, requestWith, verdicts } from "./pairs.js";

/** No operation; the components consumers name through the generated `components` type. */
const library = (components: Doc) => doc({}, components);
const ID = { type: "string", maxLength: 20 };

describe("components: names and meanings TypeScript consumers write", () => {
  it("component-removed: a schema renamed, its $refs updated, says where it was used", () => {
    const before = requestWith(
      { $ref: "#/components/schemas/Req" },
      { schemas: { Req: object({ id: ID }) } },
    );
    const after = requestWith(
      { $ref: "#/components/schemas/Request" },
      { schemas: { Request: object({ id: ID }) } },
    );
    const found = diffSpecs(before, after);
    expect(found.map((d) => `${d.level} ${d.rule} ${d.operation} ${d.path}`)).toEqual([
      "ERR component-removed components /schemas/Req",
      "INFO component-added components /schemas/Request",
    ]);
    expect(found[0]?.message).toContain(
      '(it was used by requests): code naming components["schemas"]["Req"]',
    );
  });

  it.each(["responses", "parameters", "requestBodies", "headers", "pathItems", "securitySchemes"])(
    "component-removed: %s too",
    (kind) => {
      expect(verdicts(library({ [kind]: { Gone: {} } }), library({}))).toEqual([
        `ERR component-removed components /${kind}/Gone`,
      ]);
    },
  );

  it("component-schema-changed: a schema no operation uses, tightened, breaks code building its values", () => {
    const before = library({ schemas: { Id: { type: "string" } } });
    const after = library({ schemas: { Id: ID } });
    const [found, ...rest] = diffSpecs(before, after);
    expect(rest).toEqual([]);
    expect(`${found?.level} ${found?.rule} ${found?.operation} ${found?.path}`).toBe(
      "ERR component-schema-changed components /schemas/Id",
    );
    expect(found?.message).toContain("request-max-length-tightened: breaks code that builds");
  });

  it("component-schema-changed: loosened, breaks code reading its values", () => {
    const before = library({ schemas: { Thing: object({ id: ID }, { required: ["id"] }) } });
    const after = library({ schemas: { Thing: object({ id: ID }) } });
    const [found, ...rest] = diffSpecs(before, after);
    expect(rest).toEqual([]);
    expect(`${found?.level} ${found?.rule} ${found?.path}`).toBe(
      "ERR component-schema-changed /schemas/Thing/properties/id",
    );
    expect(found?.message).toContain("response-property-became-optional: breaks code that reads");
  });

  it("component-schema-changed-compatibly: an optional property added to a schema no operation uses", () => {
    const before = library({ schemas: { Thing: object({ id: ID }) } });
    const after = library({ schemas: { Thing: object({ id: ID, note: { type: "string" } }) } });
    expect(verdicts(before, after)).toEqual([
      "INFO component-schema-changed-compatibly components /schemas/Thing/properties/note",
    ]);
  });

  it("a schema operations reach in both versions is judged once, with the operation", () => {
    const spec = (id: Doc) =>
      requestWith(object({ id: { $ref: "#/components/schemas/Id" } }), { schemas: { Id: id } });
    expect(verdicts(spec({ type: "string" }), spec(ID))).toEqual([
      "ERR request-max-length-tightened POST /things /requestBody/content/application~1json/schema/properties/id",
    ]);
  });
});
