import type { SpecDocument } from "../document.js";
import { asObject, canonical, type Json } from "../json.js";

/** One end of a range: `maximum: 10` is `{ value: 10, exclusive: false }`. */
export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/** The numeric limits compared as one bound each; `maximum`/`exclusiveMaximum` (3.0 boolean or 3.1 number) are one. */
export const BOUND_FAMILIES = [
  { family: "max-length", side: "upper", inclusive: "maxLength", exclusive: undefined },
  { family: "min-length", side: "lower", inclusive: "minLength", exclusive: undefined },
  { family: "max-items", side: "upper", inclusive: "maxItems", exclusive: undefined },
  { family: "min-items", side: "lower", inclusive: "minItems", exclusive: undefined },
  { family: "max-properties", side: "upper", inclusive: "maxProperties", exclusive: undefined },
  { family: "min-properties", side: "lower", inclusive: "minProperties", exclusive: undefined },
  { family: "maximum", side: "upper", inclusive: "maximum", exclusive: "exclusiveMaximum" },
  { family: "minimum", side: "lower", inclusive: "minimum", exclusive: "exclusiveMinimum" },
] as const;
export type BoundFamily = (typeof BOUND_FAMILIES)[number]["family"];

/** Keywords compared only as a whole: a client rarely models them, so any change is reported. */
export const OTHER_KEYWORDS = [
  "not",
  "if",
  "then",
  "else",
  "dependentRequired",
  "dependentSchemas",
  "patternProperties",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
  "minContains",
  "maxContains",
  "prefixItems",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
  "discriminator",
] as const;

/**
 * What one alternative of a schema means once `$ref`s (with their siblings) are followed and `allOf` is merged.
 * Sub-schemas stay as written (`properties`, `items`, `additionalProperties`) and are read when compared, which
 * is what keeps recursive schemas finite.
 */
export interface Shape {
  /** Allowed types, `null` included; undefined when any type is allowed. */
  readonly types: ReadonlySet<string> | undefined;
  /** Allowed values by canonical JSON (`enum` and `const` intersected); undefined when unrestricted. */
  readonly enum: ReadonlyMap<string, unknown> | undefined;
  readonly patterns: ReadonlySet<string>;
  readonly format: string | undefined;
  readonly bounds: ReadonlyMap<BoundFamily, Bound>;
  readonly multipleOf: number | undefined;
  readonly uniqueItems: boolean;
  readonly properties: ReadonlyMap<string, unknown>;
  readonly required: ReadonlySet<string>;
  /** `false` when closed; otherwise the schema extra properties must match (`{}` when open). */
  readonly additionalProperties: false | unknown;
  readonly items: unknown;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly keywords: ReadonlyMap<string, string>;
  readonly default: string | undefined;
}

/** A schema as the union of its alternatives: one shape unless it has `oneOf`/`anyOf`. */
export interface Meaning {
  readonly variants: readonly Shape[];
  /** The keyword the alternatives came from, for locations. */
  readonly unionKeyword: "oneOf" | "anyOf";
  /** True when `allOf` multiplied `oneOf`/`anyOf` beyond {@link MAX_VARIANTS}: only the first were kept. */
  readonly truncated: boolean;
}

/**
 * `allOf: [{oneOf: [..40]}, {oneOf: [..40]}]` means 1600 alternatives; beyond this many such products are cut
 * and the comparison says so. A union that only lists its members (`oneOf` of 5000 `const`s) is never cut: it
 * grows with the document, not faster.
 */
export const MAX_VARIANTS = 1024;

const without = (node: Json, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(node).filter(([key]) => !keys.includes(key)));

/** One schema that must hold, with the `$ref`s being expanded around it (to see a cycle coming back). */
interface Part {
  readonly schema: Json;
  readonly refs: readonly string[];
}

/**
 * `$ref` (its siblings kept, as 3.1 reads them) and `allOf` flattened into the schemas that must all hold.
 * Returns false when a `$ref` leads back into one being expanded: that conjunct is left out.
 */
function conjuncts(raw: unknown, doc: SpecDocument, refs: readonly string[], found: Part[]): boolean {
  const node = asObject(raw);
  let rest = node;
  let acyclic = true;
  if (typeof node.$ref === "string") {
    if (refs.includes(node.$ref)) acyclic = false;
    else acyclic = conjuncts(doc.target(node.$ref), doc, [...refs, node.$ref], found);
    rest = without(rest, "$ref");
  }
  if (Array.isArray(rest.allOf)) {
    for (const member of rest.allOf) acyclic = conjuncts(member, doc, refs, found) && acyclic;
    rest = without(rest, "allOf");
  }
  found.push({ schema: rest, refs });
  return acyclic;
}

interface Alternatives {
  lists: Json[][];
  keyword?: "oneOf" | "anyOf";
  truncated: boolean;
}

/**
 * Each alternative as the list of schemas that must all hold; `oneOf`/`anyOf` distributed over `allOf`.
 * A union member that comes back to a `$ref` being expanded (`Expr: {oneOf: [{$ref: Expr}, {type: string}]}`)
 * adds no value the union does not already have, so it is left out: every `$ref` is expanded once per branch.
 */
function alternatives(
  raw: unknown,
  doc: SpecDocument,
  refs: readonly string[],
  inUnion: boolean,
): Alternatives {
  const parts: Part[] = [];
  if (!conjuncts(raw, doc, refs, parts) && inUnion) return { lists: [], truncated: false };
  let lists: Json[][] = [[]];
  let keyword: "oneOf" | "anyOf" | undefined;
  let truncated = false;
  for (const part of parts) {
    let base = part.schema;
    for (const key of ["oneOf", "anyOf"] as const) {
      const members = base[key];
      if (!Array.isArray(members)) continue;
      keyword ??= key;
      base = without(base, key);
      const expanded: Json[][] = [];
      for (const member of members) {
        const inner = alternatives(member, doc, part.refs, true);
        truncated ||= inner.truncated;
        expanded.push(...inner.lists);
      }
      const multiplies = lists.length > 1 && expanded.length > 1;
      const product: Json[][] = [];
      for (const list of lists) {
        for (const more of expanded) {
          if (multiplies && product.length === MAX_VARIANTS) truncated = true;
          else product.push([...list, ...more]);
        }
      }
      lists = product;
    }
    lists = lists.map((list) => [...list, base]);
  }
  return keyword === undefined ? { lists, truncated } : { lists, keyword, truncated };
}

/** What a schema means, compared by meaning rather than by how it is written. */
export function meaningOf(raw: unknown, doc: SpecDocument): Meaning {
  const { lists, keyword, truncated } = alternatives(raw, doc, [], false);
  return {
    variants: normalize(lists.map(merge)),
    unionKeyword: keyword === "anyOf" ? "anyOf" : "oneOf",
    truncated,
  };
}

/**
 * The one canonical form of a union: alternatives that differ only in their values (`oneOf` of `const`s) are one
 * `enum`; those that differ only in their type (`oneOf: [{type: string}, {type: integer}]`) are one type array;
 * `oneOf: [X, {type: "null"}]`, how 3.1 writes a nullable X, is X with null.
 */
function normalize(shapes: readonly Shape[]): Shape[] {
  const merged = new Map<string, Shape>();
  for (const shape of shapes) {
    const kind = shape.enum ? "values" : shape.types ? "types" : "any";
    const key = kind === "any" ? `any\u0000${merged.size}` : `${kind}\u0000${restKey(shape)}`;
    const same = merged.get(key);
    merged.set(key, same === undefined ? shape : union(same, shape));
  }
  let variants = [...merged.values()];
  const isNull = (shape: Shape) => shape.types?.size === 1 && shape.types.has("null");
  if (variants.length > 1 && variants.some(isNull) && !variants.every(isNull)) {
    variants = variants
      .filter((shape) => !isNull(shape))
      .map((shape) => (shape.types ? { ...shape, types: new Set([...shape.types, "null"]) } : shape));
  }
  return variants;
}

/** Everything of a shape but its types and values, exactly as written (so that only equal shapes merge). */
function restKey(shape: Shape): string {
  return canonical({
    patterns: [...shape.patterns].sort(),
    format: shape.format,
    bounds: [...shape.bounds].sort(),
    multipleOf: shape.multipleOf,
    uniqueItems: shape.uniqueItems,
    properties: Object.fromEntries(shape.properties),
    required: [...shape.required].sort(),
    additionalProperties: shape.additionalProperties,
    items: shape.items,
    readOnly: shape.readOnly,
    writeOnly: shape.writeOnly,
    keywords: [...shape.keywords].sort(),
    default: shape.default,
  });
}

const union = (a: Shape, b: Shape): Shape => ({
  ...a,
  types: new Set([...(a.types ?? []), ...(b.types ?? [])]),
  enum: a.enum && b.enum && new Map([...a.enum, ...b.enum]),
});

function typesOf(part: Json): Set<string> | undefined {
  if (part.type === undefined) return undefined;
  const types = new Set((Array.isArray(part.type) ? part.type : [part.type]).map(String));
  if (part.nullable === true) types.add("null");
  return types;
}

function intersectTypes(a: ReadonlySet<string> | undefined, b: Set<string> | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const both = new Set<string>();
  for (const type of a) {
    if (b.has(type)) both.add(type);
    else if (type === "number" && b.has("integer")) both.add("integer");
    else if (type === "integer" && b.has("number")) both.add("integer");
  }
  return both;
}

function valueType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/**
 * An `enum` with the types it allows, in one form: the values the type refuses dropped, the type narrowed to the
 * values' own, and `null` carried by the type only (allowed when either the type or the enum lists it).
 */
function valuesByType(
  types: ReadonlySet<string> | undefined,
  values: ReadonlyMap<string, unknown>,
): [ReadonlySet<string>, Map<string, unknown>] {
  const allows = (type: string) =>
    types === undefined || types.has(type) || (type === "integer" && types.has("number"));
  const kept = [...values].filter(([, value]) => value !== null && allows(valueType(value)));
  const nullable = values.has("null") || types?.has("null") === true;
  const kinds = new Set(kept.map(([, value]) => valueType(value)));
  if (nullable) kinds.add("null");
  return [kinds, new Map(kept)];
}

const tighter = (a: Bound, b: Bound | undefined, side: "upper" | "lower") =>
  b === undefined ||
  (side === "upper" ? a.value < b.value : a.value > b.value) ||
  (a.value === b.value && a.exclusive && !b.exclusive);

function boundOf(part: Json, family: (typeof BOUND_FAMILIES)[number]): Bound | undefined {
  const inclusive = part[family.inclusive];
  const exclusive = family.exclusive === undefined ? undefined : part[family.exclusive];
  const found: Bound[] = [];
  // A length, item or property count of at least 0 is no bound at all.
  const trivial = family.side === "lower" && family.exclusive === undefined && inclusive === 0;
  if (typeof inclusive === "number" && !trivial)
    found.push({ value: inclusive, exclusive: exclusive === true });
  if (typeof exclusive === "number") found.push({ value: exclusive, exclusive: true });
  return found.reduce<Bound | undefined>(
    (best, next) => (tighter(next, best, family.side) ? next : best),
    undefined,
  );
}

/** Every schema of one alternative merged into one shape: the strictest of each constraint wins. */
function merge(parts: readonly Json[]): Shape {
  let types: ReadonlySet<string> | undefined;
  let values: Map<string, unknown> | undefined;
  const patterns = new Set<string>();
  let format: string | undefined;
  const bounds = new Map<BoundFamily, Bound>();
  let multipleOf: number | undefined;
  let uniqueItems = false;
  const properties = new Map<string, unknown[]>();
  const required = new Set<string>();
  let closed = false;
  const extra: unknown[] = [];
  const items: unknown[] = [];
  let readOnly = false;
  let writeOnly = false;
  const keywords = new Map<string, unknown[]>();
  let defaultValue: string | undefined;

  const restrictValues = (allowed: unknown[]) => {
    const next = new Map(allowed.map((value) => [canonical(value), value]));
    values = values === undefined ? next : new Map([...values].filter(([key]) => next.has(key)));
  };

  for (const part of parts) {
    types = intersectTypes(types, typesOf(part));
    if (Array.isArray(part.enum)) restrictValues(part.enum);
    if ("const" in part) restrictValues([part.const]);
    if (typeof part.pattern === "string") patterns.add(part.pattern);
    if (typeof part.format === "string") format ??= part.format;
    for (const family of BOUND_FAMILIES) {
      const next = boundOf(part, family);
      if (next && tighter(next, bounds.get(family.family), family.side)) bounds.set(family.family, next);
    }
    if (typeof part.multipleOf === "number") multipleOf ??= part.multipleOf;
    if (part.uniqueItems === true) uniqueItems = true;
    for (const [name, schema] of Object.entries(asObject(part.properties))) {
      properties.set(name, [...(properties.get(name) ?? []), schema]);
    }
    if (Array.isArray(part.required)) for (const name of part.required) required.add(String(name));
    if (part.additionalProperties === false) closed = true;
    else if (typeof part.additionalProperties === "object") extra.push(part.additionalProperties);
    if (part.items !== undefined && typeof part.items !== "boolean") items.push(part.items);
    if (part.readOnly === true) readOnly = true;
    if (part.writeOnly === true) writeOnly = true;
    for (const keyword of OTHER_KEYWORDS) {
      if (part[keyword] !== undefined)
        keywords.set(keyword, [...(keywords.get(keyword) ?? []), part[keyword]]);
    }
    if (part.default !== undefined) defaultValue ??= canonical(part.default);
  }

  const allOf = (schemas: readonly unknown[]): unknown =>
    schemas.length === 1 ? schemas[0] : schemas.length === 0 ? {} : { allOf: schemas };
  if (values !== undefined) [types, values] = valuesByType(types, values);
  if (types === undefined && (properties.size > 0 || required.size > 0 || closed))
    types = new Set(["object"]);
  if (types === undefined && items.length > 0) types = new Set(["array"]);

  return {
    types,
    enum: values,
    patterns,
    format,
    bounds,
    multipleOf,
    uniqueItems,
    properties: new Map([...properties].map(([name, schemas]) => [name, allOf(schemas)])),
    required,
    additionalProperties: closed ? false : allOf(extra),
    items: allOf(items),
    readOnly,
    writeOnly,
    keywords: new Map([...keywords].map(([keyword, list]) => [keyword, canonical(allOf(list))])),
    default: defaultValue,
  };
}

/** A short picture of one alternative down to a few levels, to pair alternatives by meaning. */
export function shapeFingerprint(shape: Shape, doc: SpecDocument, depth = 3): string {
  return canonical(shapePicture(shape, doc, depth));
}

/** A schema's picture, independent of how it is written and of the order of its alternatives. */
export function fingerprint(raw: unknown, doc: SpecDocument, depth = 3): string {
  return canonical(picture(raw, doc, depth));
}

// Pictures nest as values and become text once: text nested in text would escape its quotes at every level.
function picture(raw: unknown, doc: SpecDocument, depth: number): unknown {
  return meaningOf(raw, doc)
    .variants.map((shape) => shapePicture(shape, doc, depth))
    .map((value) => [canonical(value), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value);
}

function shapePicture(shape: Shape, doc: SpecDocument, depth: number): unknown {
  const below = (raw: unknown) => (depth > 0 ? picture(raw, doc, depth - 1) : "…");
  return {
    types: shape.types && [...shape.types].sort(),
    enum: shape.enum && [...shape.enum.keys()].sort(),
    patterns: [...shape.patterns].sort(),
    format: shape.format,
    bounds: [...shape.bounds].sort(),
    multipleOf: shape.multipleOf,
    uniqueItems: shape.uniqueItems,
    required: [...shape.required].sort(),
    readOnly: shape.readOnly,
    writeOnly: shape.writeOnly,
    keywords: [...shape.keywords].sort(),
    properties: Object.fromEntries([...shape.properties].map(([name, schema]) => [name, below(schema)])),
    items: below(shape.items),
    additionalProperties: shape.additionalProperties === false ? false : below(shape.additionalProperties),
  };
}
