#!/usr/bin/env node
// Writes src/generated/limits.ts from the spec: the request limits (array sizes, id lengths and patterns), and
// src/generated/operations.ts: the method and path of every operation, by operationId. The client, the CLI and the contract kit take their batch
// sizes from here, so lowering `maxItems` in the spec lowers them all at the next build.
//
// Usage: node scripts/generate-limits.mjs [SPEC] [OUTPUT]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(process.argv[2] ?? resolve(here, "../../../spec/openapi.yaml"));
const outputPath = resolve(process.argv[3] ?? resolve(here, "../src/generated/limits.ts"));
// Operations go to their own file beside the limits: only a client that sends needs them (see README, "Size").
const operationsPath = resolve(dirname(outputPath), "operations.ts");

const METHODS = ["get", "put", "post", "delete", "patch"];
const ARRAY_KEYS = ["minItems", "maxItems"];
const STRING_KEYS = ["minLength", "maxLength", "pattern"];

/** Follows local `$ref`s (`#/components/...`) until a schema that is not a reference. */
function resolveRef(spec, schema) {
  let current = schema;
  for (let depth = 0; current && typeof current.$ref === "string"; depth++) {
    if (depth > 20) throw new Error(`$ref cycle at ${schema.$ref}`);
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
    if (current === undefined) throw new Error(`${specPath}: unresolved $ref`);
  }
  return current;
}

const pick = (schema, keys) =>
  Object.fromEntries(keys.filter((key) => schema?.[key] !== undefined).map((key) => [key, schema[key]]));

/** The top-level properties of a schema, also of each alternative of a `oneOf`, `anyOf` or `allOf`. */
function propertiesOf(spec, schema) {
  const alternatives = [...(schema?.oneOf ?? []), ...(schema?.anyOf ?? []), ...(schema?.allOf ?? [])];
  return [
    ...Object.entries(schema?.properties ?? {}),
    ...alternatives.flatMap((alternative) => propertiesOf(spec, resolveRef(spec, alternative))),
  ];
}

/** The limits of one JSON request body's top-level fields. */
function bodyLimits(spec, operation) {
  const schema = resolveRef(spec, operation.requestBody?.content?.["application/json"]?.schema);
  const limits = {};
  for (const [name, raw] of propertiesOf(spec, schema)) {
    const field = resolveRef(spec, raw);
    const items = field.type === "array" ? pick(resolveRef(spec, field.items), STRING_KEYS) : {};
    const own = { ...pick(field, ARRAY_KEYS), ...pick(field, STRING_KEYS) };
    const entry = Object.keys(items).length > 0 ? { ...own, items } : own;
    if (Object.keys(entry).length > 0) limits[name] = entry;
  }
  return limits;
}

const spec = parse(readFileSync(specPath, "utf8"));
const operations = {};
const limits = {};
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of METHODS) {
    const operation = item[method];
    if (!operation) continue;
    if (typeof operation.operationId !== "string") throw new Error(`${method} ${path} has no operationId`);
    operations[operation.operationId] = { method: method.toUpperCase(), path };
    limits[operation.operationId] = bodyLimits(spec, operation);
  }
}

const literal = (value) => JSON.stringify(value, null, 2);
const header =
  "// Generated from the spec by scripts/generate-limits.mjs. Do not edit: change spec/openapi.yaml instead.";
// One constant per operation, so a bundle takes only the limits it uses (the client's start-up path reads the unassign
// operation's alone), and the table of all of them for tools.
const perOperation = Object.entries(limits).map(
  ([operationId, fields]) =>
    `/** Request body limits of \`${operationId}\`, by field. */\nexport const ${operationId}Limits = ${literal(fields)} as const;\n`,
);
const output = `${header}

${perOperation.join("\n")}
/** Request body limits from the spec (array sizes, string lengths and patterns), by operationId and field. */
export const REQUEST_LIMITS = {
${Object.keys(limits)
  .map((operationId) => `  ${operationId}: ${operationId}Limits,`)
  .join("\n")}
} as const;
`;
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, output);
writeFileSync(
  operationsPath,
  `${header}

/** Method and path of every operation in the spec, by operationId. */
export const OPERATIONS = ${literal(operations)} as const;
`,
);
