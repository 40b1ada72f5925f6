import { compareContent, schemaOfValue } from "./content.js";
import type { OperationContext } from "./difference.js";
import { asObject, type Json, pointerSegment } from "./json.js";
import { compareSchemas } from "./schema/compare.js";

const isSuccess = (status: string) => status.startsWith("2");

/** Response statuses, their headers and bodies: a client must still get everything it was promised. */
export function compareResponses(ctx: OperationContext, oldOperation: Json, newOperation: Json): void {
  const [was, is] = [asObject(oldOperation.responses), asObject(newOperation.responses)];
  // `2xx` and `2XX` are one status; each is reported as its version writes it.
  const normalized = (responses: Json) =>
    new Map(Object.keys(responses).map((status) => [status.toUpperCase(), status]));
  const [oldStatuses, newStatuses] = [normalized(was), normalized(is)];
  for (const [status, oldKey] of oldStatuses) {
    const newKey = newStatuses.get(status);
    if (newKey === undefined) {
      ctx.report("response-status-removed", `/responses/${oldKey}`, `response ${oldKey} removed`);
      continue;
    }
    const at = `/responses/${newKey}`;
    const before = ctx.before.resolve(was[oldKey]);
    const after = ctx.after.resolve(is[newKey]);
    compareHeaders(ctx, asObject(before.headers), asObject(after.headers), at);
    compareContent(ctx, before.content, after.content, "response", at);
  }
  for (const [status, newKey] of newStatuses) {
    if (oldStatuses.has(status)) continue;
    const rule = isSuccess(status) ? "response-success-status-added" : "response-error-status-added";
    ctx.report(rule, `/responses/${newKey}`, `response ${newKey} added`);
  }
}

function compareHeaders(ctx: OperationContext, old: Json, now: Json, path: string): void {
  // Header names are case-insensitive; Content-Type is described by the media types.
  const byName = (headers: Json) =>
    new Map(
      Object.entries(headers)
        .filter(([name]) => name.toLowerCase() !== "content-type")
        .map(([name, value]) => [name.toLowerCase(), value]),
    );
  const [was, is] = [byName(old), byName(now)];
  for (const [name, raw] of was) {
    const at = `${path}/headers/${pointerSegment(name)}`;
    const before = ctx.before.resolve(raw);
    const after = is.has(name) ? ctx.after.resolve(is.get(name)) : undefined;
    const wasRequired = before.required === true;
    if (after === undefined) {
      const rule = wasRequired ? "response-header-removed" : "response-optional-header-removed";
      ctx.report(rule, at, `${wasRequired ? "required" : "optional"} header ${name} removed`);
      continue;
    }
    const isRequired = after.required === true;
    if (wasRequired && !isRequired)
      ctx.report("response-header-became-optional", at, `header ${name} became optional`);
    if (!wasRequired && isRequired)
      ctx.report("response-header-became-required", at, `header ${name} became required`);
    compareSchemas(ctx, schemaOfValue(before), schemaOfValue(after), "response", `${at}/schema`);
  }
  for (const name of is.keys()) {
    if (!was.has(name))
      ctx.report("response-header-added", `${path}/headers/${pointerSegment(name)}`, `header ${name} added`);
  }
}
