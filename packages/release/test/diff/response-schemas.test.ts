import { describe, expect, it } from "vitest";
import { object, RESPONSE, responseWith, verdicts } from "./pairs.js";

const PROPS = `${RESPONSE}/properties`;

describe("response schemas: a client must still understand every answer, so loosening breaks", () => {
  it.each([
    ["response-type-widened", { type: "string" }, { type: ["string", "integer"] }, "ERR"],
    ["response-type-widened", { type: "integer" }, { type: "number" }, "ERR"],
    ["response-type-widened", { type: "string" }, {}, "ERR"],
    ["response-type-narrowed", { type: ["string", "integer"] }, { type: "string" }, "INFO"],
    ["response-nullable-added", { type: "string" }, { type: ["string", "null"] }, "ERR"],
    ["response-nullable-added", { type: "string" }, { type: "string", nullable: true }, "ERR"],
    ["response-nullable-added", { type: "string" }, { oneOf: [{ type: "string" }, { type: "null" }] }, "ERR"],
    ["response-nullable-removed", { type: ["string", "null"] }, { type: "string" }, "INFO"],
    [
      "response-enum-value-added",
      { type: "string", enum: ["a"] },
      { type: "string", enum: ["a", "b"] },
      "ERR",
    ],
    ["response-enum-removed", { type: "string", enum: ["a"] }, { type: "string" }, "ERR"],
    ["response-enum-removed", { type: "string", const: "a" }, { type: "string" }, "ERR"],
    [
      "response-enum-value-removed",
      { type: "string", enum: ["a", "b"] },
      { type: "string", enum: ["a"] },
      "INFO",
    ],
    ["response-enum-added", { type: "string" }, { type: "string", enum: ["a"] }, "INFO"],
    ["response-pattern-removed", { type: "string", pattern: "^a$" }, { type: "string" }, "ERR"],
    [
      "response-pattern-changed",
      { type: "string", pattern: "^a$" },
      { type: "string", pattern: "^b$" },
      "WARN",
    ],
    ["response-pattern-added", { type: "string" }, { type: "string", pattern: "^a$" }, "INFO"],
    ["response-format-removed", { type: "string", format: "date-time" }, { type: "string" }, "ERR"],
    [
      "response-format-changed",
      { type: "string", format: "date-time" },
      { type: "string", format: "date" },
      "ERR",
    ],
    ["response-format-added", { type: "string" }, { type: "string", format: "date-time" }, "INFO"],
    [
      "response-format-narrowed",
      { type: "number", format: "double" },
      { type: "number", format: "float" },
      "INFO",
    ],
    [
      "response-format-changed",
      { type: "number", format: "float" },
      { type: "number", format: "double" },
      "ERR",
    ],
    ["response-unique-items-removed", { type: "array", uniqueItems: true }, { type: "array" }, "ERR"],
    ["response-unique-items-added", { type: "array" }, { type: "array", uniqueItems: true }, "INFO"],
    [
      "response-keyword-removed",
      { type: "object", discriminator: { propertyName: "kind" } },
      { type: "object" },
      "ERR",
    ],
    [
      "response-keyword-changed",
      { type: "array", prefixItems: [{ type: "string" }] },
      { type: "array", prefixItems: [{ type: "integer" }] },
      "WARN",
    ],
    [
      "response-keyword-added",
      { type: "object" },
      { type: "object", dependentRequired: { a: ["b"] } },
      "INFO",
    ],
  ])("%s: %j → %j", (rule, before, after, level) => {
    const b = responseWith(object({ value: before }));
    const a = responseWith(object({ value: after }));
    expect(verdicts(b, a)).toEqual([`${level} ${rule} ${PROPS}/value`]);
  });

  it.each([
    [
      "response-max-length-loosened",
      "response-max-length-tightened",
      { maxLength: 30 },
      { maxLength: 40 },
      { maxLength: 20 },
    ],
    ["response-max-length-loosened", "response-max-length-tightened", { maxLength: 30 }, {}, null],
    [
      "response-min-length-loosened",
      "response-min-length-tightened",
      { minLength: 2 },
      { minLength: 1 },
      { minLength: 3 },
    ],
    ["response-max-items-loosened", "response-max-items-tightened", { maxItems: 200 }, {}, { maxItems: 100 }],
    [
      "response-min-items-loosened",
      "response-min-items-tightened",
      { minItems: 1 },
      { minItems: 0 },
      { minItems: 2 },
    ],
    [
      "response-max-properties-loosened",
      "response-max-properties-tightened",
      { maxProperties: 5 },
      { maxProperties: 6 },
      { maxProperties: 4 },
    ],
    [
      "response-min-properties-loosened",
      "response-min-properties-tightened",
      { minProperties: 2 },
      { minProperties: 1 },
      { minProperties: 3 },
    ],
    [
      "response-maximum-loosened",
      "response-maximum-tightened",
      { exclusiveMaximum: 10 },
      { maximum: 10 },
      { maximum: 9 },
    ],
    ["response-minimum-loosened", "response-minimum-tightened", { minimum: 0 }, {}, { exclusiveMinimum: 0 }],
    [
      "response-multiple-of-loosened",
      "response-multiple-of-tightened",
      { multipleOf: 2 },
      { multipleOf: 1 },
      { multipleOf: 4 },
    ],
  ])("%s / %s: %j → %j / %j", (loosened, tightened, before, looser, tighter) => {
    const pair = (after: object) =>
      verdicts(responseWith(object({ n: before })), responseWith(object({ n: after })));
    expect(pair(looser)).toEqual([`ERR ${loosened} ${PROPS}/n`]);
    if (tighter) expect(pair(tighter)).toEqual([`INFO ${tightened} ${PROPS}/n`]);
  });

  it("response-property-*: removed (even optional), writeOnly, no longer required, added", () => {
    const b = responseWith(object({ a: {}, b: {}, c: {}, d: {} }, { required: ["b"] }));
    const a = responseWith(object({ b: {}, c: { writeOnly: true }, d: {}, e: {} }, { required: ["d"] }));
    expect(verdicts(b, a)).toEqual([
      `ERR response-property-removed ${PROPS}/a`,
      `ERR response-property-became-optional ${PROPS}/b`,
      `ERR response-property-became-write-only ${PROPS}/c`,
      `INFO response-property-became-required ${PROPS}/d`,
      `INFO response-property-added ${PROPS}/e`,
    ]);
  });

  it("a writeOnly request-only property may come and go in responses", () => {
    const b = responseWith(object({ a: {}, secret: { type: "string", writeOnly: true } }));
    const a = responseWith(object({ a: {} }));
    expect(verdicts(b, a)).toEqual([]);
  });

  it("response-additional-properties-opened (WARN) / -closed", () => {
    const open = responseWith(object({}));
    const closed = responseWith(object({}, { additionalProperties: false }));
    expect(verdicts(closed, open)).toEqual([
      `WARN response-additional-properties-opened ${RESPONSE}/additionalProperties`,
    ]);
    expect(verdicts(open, closed)).toEqual([
      `INFO response-additional-properties-closed ${RESPONSE}/additionalProperties`,
    ]);
  });

  it("response-variant-added / -removed", () => {
    const a = { type: "object", properties: { a: { type: "string" } } };
    const b = { type: "object", properties: { b: { type: "string" } } };
    expect(verdicts(responseWith(a), responseWith({ oneOf: [a, b] }))).toEqual([
      `ERR response-variant-added ${RESPONSE}/oneOf/1`,
    ]);
    expect(verdicts(responseWith({ anyOf: [b, a] }), responseWith(a))).toEqual([
      `INFO response-variant-removed ${RESPONSE}/anyOf/0`,
    ]);
  });
});
