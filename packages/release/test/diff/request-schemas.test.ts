import { describe, expect, it } from "vitest";
import { object, REQUEST, requestWith, verdicts } from "./pairs.js";

const PROPS = `${REQUEST}/properties`;

describe("request schemas: a client's request must stay valid, so tightening breaks", () => {
  it.each([
    ["request-type-narrowed", { type: ["string", "integer"] }, { type: "string" }, "ERR"],
    ["request-type-narrowed", { type: "number" }, { type: "integer" }, "ERR"],
    ["request-type-widened", { type: "integer" }, { type: "number" }, "INFO"],
    ["request-nullable-removed", { type: ["string", "null"] }, { type: "string" }, "ERR"],
    ["request-nullable-removed", { type: "string", nullable: true }, { type: "string" }, "ERR"],
    ["request-nullable-added", { type: "string" }, { type: "string", nullable: true }, "INFO"],
    ["request-enum-added", { type: "string" }, { type: "string", enum: ["a", "b"] }, "ERR"],
    ["request-enum-added", { type: "string" }, { type: "string", const: "a" }, "ERR"],
    [
      "request-enum-value-removed",
      { type: "string", enum: ["a", "b"] },
      { type: "string", enum: ["a"] },
      "ERR",
    ],
    [
      "request-enum-value-added",
      { type: "string", enum: ["a"] },
      { type: "string", enum: ["a", "b"] },
      "INFO",
    ],
    ["request-enum-removed", { type: "string", enum: ["a"] }, { type: "string" }, "INFO"],
    ["request-pattern-added", { type: "string" }, { type: "string", pattern: "^[0-9]+$" }, "ERR"],
    [
      "request-pattern-changed",
      { type: "string", pattern: "^[0-9]+$" },
      { type: "string", pattern: "^\\d+$" },
      "WARN",
    ],
    ["request-pattern-removed", { type: "string", pattern: "^[0-9]+$" }, { type: "string" }, "INFO"],
    ["request-format-added", { type: "string" }, { type: "string", format: "email" }, "ERR"],
    [
      "request-format-changed",
      { type: "string", format: "email" },
      { type: "string", format: "uuid" },
      "ERR",
    ],
    ["request-format-removed", { type: "string", format: "email" }, { type: "string" }, "INFO"],
    [
      "request-format-widened",
      { type: "integer", format: "int32" },
      { type: "integer", format: "int64" },
      "INFO",
    ],
    [
      "request-format-changed",
      { type: "integer", format: "int64" },
      { type: "integer", format: "int32" },
      "ERR",
    ],
    ["request-unique-items-added", { type: "array" }, { type: "array", uniqueItems: true }, "ERR"],
    ["request-unique-items-removed", { type: "array", uniqueItems: true }, { type: "array" }, "INFO"],
    ["request-keyword-added", { type: "object" }, { type: "object", propertyNames: { maxLength: 3 } }, "ERR"],
    [
      "request-keyword-changed",
      { type: "array", contains: { const: 1 } },
      { type: "array", contains: { const: 2 } },
      "WARN",
    ],
    ["request-keyword-removed", { type: "object", not: { required: ["a"] } }, { type: "object" }, "INFO"],
    ["request-default-changed", { type: "integer", default: 10 }, { type: "integer", default: 20 }, "WARN"],
  ])("%s: %j → %j", (rule, before, after, level) => {
    const b = requestWith(object({ value: before }));
    const a = requestWith(object({ value: after }));
    expect(verdicts(b, a)).toEqual([`${level} ${rule} ${PROPS}/value`]);
  });

  it.each([
    [
      "request-max-length-tightened",
      "request-max-length-loosened",
      { maxLength: 30 },
      { maxLength: 20 },
      { maxLength: 40 },
    ],
    ["request-max-length-tightened", "request-max-length-loosened", {}, { maxLength: 20 }, null],
    [
      "request-min-length-tightened",
      "request-min-length-loosened",
      { minLength: 1 },
      { minLength: 2 },
      { minLength: 0 },
    ],
    ["request-max-items-tightened", "request-max-items-loosened", { maxItems: 200 }, { maxItems: 100 }, {}],
    ["request-min-items-tightened", "request-min-items-loosened", {}, { minItems: 1 }, null],
    [
      "request-min-items-tightened",
      "request-min-items-loosened",
      { minItems: 2 },
      { minItems: 3 },
      { minItems: 0 },
    ],
    [
      "request-max-properties-tightened",
      "request-max-properties-loosened",
      { maxProperties: 5 },
      { maxProperties: 4 },
      { maxProperties: 6 },
    ],
    [
      "request-min-properties-tightened",
      "request-min-properties-loosened",
      { minProperties: 1 },
      { minProperties: 2 },
      {},
    ],
    [
      "request-maximum-tightened",
      "request-maximum-loosened",
      { maximum: 10 },
      { maximum: 9 },
      { maximum: 11 },
    ],
    [
      "request-maximum-tightened",
      "request-maximum-loosened",
      { maximum: 10 },
      { exclusiveMaximum: 10 },
      { exclusiveMaximum: 11 },
    ],
    [
      "request-maximum-tightened",
      "request-maximum-loosened",
      { maximum: 10, exclusiveMaximum: true },
      { exclusiveMaximum: 9 },
      { maximum: 10 },
    ],
    [
      "request-minimum-tightened",
      "request-minimum-loosened",
      { minimum: 0 },
      { minimum: 1 },
      { minimum: -1 },
    ],
    [
      "request-minimum-tightened",
      "request-minimum-loosened",
      { exclusiveMinimum: 0 },
      { exclusiveMinimum: 1 },
      { minimum: 0 },
    ],
    [
      "request-multiple-of-tightened",
      "request-multiple-of-loosened",
      { multipleOf: 2 },
      { multipleOf: 4 },
      { multipleOf: 1 },
    ],
    ["request-multiple-of-tightened", "request-multiple-of-loosened", {}, { multipleOf: 0.5 }, null],
  ])("%s / %s: %j → %j / %j", (tightened, loosened, before, tighter, looser) => {
    const pair = (after: object) =>
      verdicts(requestWith(object({ n: before })), requestWith(object({ n: after })));
    expect(pair(tighter)).toEqual([`ERR ${tightened} ${PROPS}/n`]);
    if (looser) expect(pair(looser)).toEqual([`INFO ${loosened} ${PROPS}/n`]);
  });

  it("minLength/minItems/minProperties 0 mean no bound", () => {
    const pair = (before: object, after: object) => verdicts(requestWith(before), requestWith(after));
    expect(pair({ type: "array" }, { type: "array", minItems: 0 })).toEqual([]);
    expect(pair({ type: "string", minLength: 0 }, { type: "string" })).toEqual([]);
  });

  it("a multipleOf whose step divides the old one is looser (6 → 3), one that does not is tighter (6 → 4)", () => {
    const pair = (after: number) =>
      verdicts(
        requestWith(object({ n: { multipleOf: 6 } })),
        requestWith(object({ n: { multipleOf: after } })),
      );
    expect(pair(3)).toEqual([`INFO request-multiple-of-loosened ${PROPS}/n`]);
    expect(pair(4)).toEqual([`ERR request-multiple-of-tightened ${PROPS}/n`]);
  });

  it("request-property-*: removed, added, required or not, readOnly", () => {
    const b = requestWith(
      object(
        { a: { type: "string" }, b: { type: "string" }, c: { type: "string" }, d: {} },
        { required: ["b"] },
      ),
    );
    const a = requestWith(
      object(
        { b: { type: "string" }, c: { type: "string" }, d: { readOnly: true }, e: {}, f: {} },
        { required: ["c", "e"] },
      ),
    );
    expect(verdicts(b, a)).toEqual([
      `ERR request-property-removed ${PROPS}/a`,
      `INFO request-property-became-optional ${PROPS}/b`,
      `ERR request-property-became-required ${PROPS}/c`,
      `ERR request-property-became-read-only ${PROPS}/d`,
      `ERR request-property-added-required ${PROPS}/e`,
      `INFO request-property-added-optional ${PROPS}/f`,
    ]);
  });

  it("request-additional-properties-closed / -opened, and an extra-properties schema compared as a schema", () => {
    const open = requestWith(object({}, { additionalProperties: true }));
    const closed = requestWith(object({}, { additionalProperties: false }));
    const strings = requestWith(object({}, { additionalProperties: { type: "string" } }));
    expect(verdicts(open, closed)).toEqual([
      `ERR request-additional-properties-closed ${REQUEST}/additionalProperties`,
    ]);
    expect(verdicts(closed, open)).toEqual([
      `INFO request-additional-properties-opened ${REQUEST}/additionalProperties`,
    ]);
    expect(verdicts(open, strings)).toEqual([`ERR request-type-narrowed ${REQUEST}/additionalProperties`]);
  });

  it("request-variant-removed / -added: oneOf alternatives paired by meaning, whatever their order", () => {
    const email = { type: "object", required: ["email"], properties: { email: { type: "string" } } };
    const id = { type: "object", required: ["id"], properties: { id: { type: "integer" } } };
    const name = { type: "string" };
    expect(verdicts(requestWith({ oneOf: [email, id, name] }), requestWith({ oneOf: [id, email] }))).toEqual([
      `ERR request-variant-removed ${REQUEST}/oneOf/2`,
    ]);
    expect(verdicts(requestWith({ oneOf: [email, id] }), requestWith({ anyOf: [id, name, email] }))).toEqual([
      `INFO request-variant-added ${REQUEST}/anyOf/1`,
    ]);
  });

  it("a tightened alternative is compared with the one it pairs with", () => {
    const v = (max: number) => ({ type: "object", properties: { ids: { type: "array", maxItems: max } } });
    expect(
      verdicts(
        requestWith({ oneOf: [{ type: "string" }, v(10)] }),
        requestWith({ oneOf: [v(5), { type: "string" }] }),
      ),
    ).toEqual([`ERR request-max-items-tightened ${REQUEST}/oneOf/0/properties/ids`]);
  });

  it("items are compared as schemas", () => {
    const list = (items: object) => requestWith({ type: "array", items });
    expect(verdicts(list({ type: "string" }), list({ type: "string", maxLength: 3 }))).toEqual([
      `ERR request-max-length-tightened ${REQUEST}/items`,
    ]);
  });
});
