import { afterEach, describe, expect, it, vi } from "vitest";
import { SpecDocument } from "../../src/diff/document.js";
import { type Doc, object, REQUEST, RESPONSE, requestWith, responseWith, verdicts } from "./pairs.js";

const consts = (values: readonly string[]) => values.map((value) => ({ const: value, title: value }));
const names = (count: number) => Array.from({ length: count }, (_, i) => `v${i}`);

describe("unions are compared by meaning, in one canonical form", () => {
  it.each([
    [
      "enum ↔ oneOf of consts",
      { type: "string", enum: ["a", "b", "c"] },
      { type: "string", oneOf: consts(["a", "b", "c"]) },
    ],
    [
      "enum ↔ anyOf of typed consts",
      { type: "string", enum: ["a", "b", "c"] },
      { anyOf: ["a", "b", "c"].map((value) => ({ type: "string", const: value })) },
    ],
    [
      "type array ↔ oneOf of types",
      { type: ["string", "integer"] },
      { oneOf: [{ type: "string" }, { type: "integer" }] },
    ],
    [
      "nullable enum ↔ oneOf of consts and null",
      { type: ["string", "null"], enum: ["a", "b"] },
      { oneOf: [{ const: "a" }, { const: "b" }, { type: "null" }] },
    ],
    ["const with a wider type ↔ const", { type: ["string", "integer"], const: "a" }, { const: "a" }],
  ])("%s, both ways, request and response", (_, one, other) => {
    for (const side of [requestWith, responseWith]) {
      expect(verdicts(side(object({ mode: one })), side(object({ mode: other })))).toEqual([]);
      expect(verdicts(side(object({ mode: other })), side(object({ mode: one })))).toEqual([]);
    }
  });

  it("a response oneOf of consts becoming an enum with a new value: response-enum-value-added", () => {
    expect(
      verdicts(
        responseWith(object({ mode: { type: "string", oneOf: consts(["a", "b"]) } })),
        responseWith(object({ mode: { type: "string", enum: ["a", "b", "c"] } })),
      ),
    ).toEqual([`ERR response-enum-value-added ${RESPONSE}/properties/mode`]);
  });
});

describe("large unions are compared whole", () => {
  it("a request oneOf of 70 consts losing its 70th: request-enum-value-removed", () => {
    const mode = (count: number) => ({ type: "string", oneOf: consts(names(count)) });
    expect(
      verdicts(requestWith(object({ mode: mode(70) })), requestWith(object({ mode: mode(69) }))),
    ).toEqual([`ERR request-enum-value-removed ${REQUEST}/properties/mode`]);
  });

  it("a request oneOf of 70 objects losing its 70th: request-variant-removed at that alternative", () => {
    const kinds = (count: number) => ({
      oneOf: names(count).map((name) => object({ [name]: { type: "string" } }, { required: [name] })),
    });
    expect(verdicts(requestWith(kinds(70)), requestWith(kinds(69)))).toEqual([
      `ERR request-variant-removed ${REQUEST}/oneOf/69`,
    ]);
  });

  it("schema-alternatives-truncated: allOf multiplying unions past the bound is named, not dropped", () => {
    const product = (last: string) => ({
      allOf: [
        { oneOf: names(40).map((name) => object({ [name]: { type: "string" } })) },
        { oneOf: [...names(39), last].map((name) => object({ [`w${name}`]: { type: "integer" } })) },
      ],
    });
    const found = verdicts(requestWith(product("v39")), requestWith(product("x")));
    expect(found).toContain(`WARN schema-alternatives-truncated ${REQUEST}`);
  });
});

describe("recursive unions", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a directly cyclic oneOf follows each $ref once per branch and means its other alternatives", () => {
    const expr: Doc = {
      schemas: {
        Expr: {
          oneOf: [
            { $ref: "#/components/schemas/Expr" },
            { $ref: "#/components/schemas/Expr" },
            { $ref: "#/components/schemas/Expr" },
            { type: "string" },
          ],
        },
      },
    };
    const lookups = vi.spyOn(SpecDocument.prototype, "target");
    const before = responseWith(object({ expr: { $ref: "#/components/schemas/Expr" } }), expr);
    const after = responseWith(object({ expr: { type: "string" } }), expr);
    expect(verdicts(before, before)).toEqual([]);
    expect(verdicts(before, after)).toEqual([]);
    // Exponential expansion (3 self-references, 16 levels) would follow millions of $refs.
    expect(lookups.mock.calls.length).toBeLessThan(100);
  });

  it("mutually recursive oneOfs mean the union of their other alternatives", () => {
    const pair: Doc = {
      schemas: {
        A: { oneOf: [{ $ref: "#/components/schemas/B" }, { type: "string" }] },
        B: { oneOf: [{ $ref: "#/components/schemas/A" }, { type: "integer" }] },
      },
    };
    expect(
      verdicts(
        requestWith({ $ref: "#/components/schemas/A" }, pair),
        requestWith({ type: ["integer", "string"] }, pair),
      ),
    ).toEqual([]);
  });
});
