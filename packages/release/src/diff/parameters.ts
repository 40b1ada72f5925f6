import { schemaOfValue } from "./content.js";
import type { OperationContext } from "./difference.js";
import type { SpecDocument } from "./document.js";
import { type Json, pointerSegment } from "./json.js";
import { compareSchemas } from "./schema/compare.js";

interface Parameter {
  readonly location: string;
  readonly name: string;
  readonly required: boolean;
  readonly style: string;
  readonly explode: boolean;
  readonly schema: unknown;
}

/** OpenAPI says these header parameters are ignored: the content and auth headers are described elsewhere. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const DEFAULT_STYLE: Record<string, string> = {
  query: "form",
  cookie: "form",
  path: "simple",
  header: "simple",
};

/** An operation's parameters (path-level ones included, operation-level ones winning) by location and name. */
export function parametersOf(doc: SpecDocument, pathItem: Json, operation: Json): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const value = doc.resolve(raw);
      const location = String(value.in);
      // Header names are case-insensitive.
      const name = location === "header" ? String(value.name).toLowerCase() : String(value.name);
      if (location === "header" && IGNORED_HEADERS.has(name)) continue;
      const style = typeof value.style === "string" ? value.style : (DEFAULT_STYLE[location] ?? "form");
      found.set(`${location}/${name}`, {
        location,
        name,
        required: location === "path" || value.required === true,
        style,
        explode: typeof value.explode === "boolean" ? value.explode : style === "form",
        schema: schemaOfValue(value),
      });
    }
  }
  return found;
}

/** Parameters of every kind: a client must send what is required and may only send what is declared. */
export function compareParameters(
  ctx: OperationContext,
  old: Map<string, Parameter>,
  now: Map<string, Parameter>,
): void {
  for (const [key, was] of old) {
    const at = `/parameters/${key.split("/").map(pointerSegment).join("/")}`;
    const is = now.get(key);
    const label = `${was.location} parameter '${was.name}'`;
    if (is === undefined) {
      ctx.report("request-parameter-removed", at, `${label} removed`);
      continue;
    }
    if (!was.required && is.required)
      ctx.report("request-parameter-became-required", at, `${label} became required`);
    if (was.required && !is.required)
      ctx.report("request-parameter-became-optional", at, `${label} became optional`);
    if (was.style !== is.style || was.explode !== is.explode) {
      const how = (p: Parameter) => `style ${p.style}, explode ${p.explode}`;
      ctx.report("request-parameter-serialization-changed", at, `${label}: ${how(was)} → ${how(is)}`);
    }
    compareSchemas(ctx, was.schema, is.schema, "request", `${at}/schema`);
  }
  for (const [key, is] of now) {
    if (old.has(key)) continue;
    const at = `/parameters/${key.split("/").map(pointerSegment).join("/")}`;
    const label = `${is.location} parameter '${is.name}'`;
    if (is.required) ctx.report("request-parameter-added-required", at, `required ${label} added`);
    else ctx.report("request-parameter-added-optional", at, `optional ${label} added`);
  }
}
