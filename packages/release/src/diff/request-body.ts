import { compareContent } from "./content.js";
import type { OperationContext } from "./difference.js";
import type { Json } from "./json.js";

/** Whether a body is expected, and what each of its media types accepts. */
export function compareRequestBody(ctx: OperationContext, oldOperation: Json, newOperation: Json): void {
  const at = "/requestBody";
  const [hadBody, hasBody] = [oldOperation.requestBody !== undefined, newOperation.requestBody !== undefined];
  const was = ctx.before.resolve(oldOperation.requestBody);
  const is = ctx.after.resolve(newOperation.requestBody);
  const [wasRequired, isRequired] = [was.required === true, is.required === true];
  if (!hadBody && !hasBody) return;
  if (!hasBody) {
    ctx.report("request-body-removed", at, "request body removed");
    return;
  }
  if (!hadBody) {
    if (isRequired) ctx.report("request-body-added-required", at, "required request body added");
    else ctx.report("request-body-added-optional", at, "optional request body added");
    return;
  }
  if (!wasRequired && isRequired)
    ctx.report("request-body-became-required", at, "request body became required");
  if (wasRequired && !isRequired)
    ctx.report("request-body-became-optional", at, "request body became optional");
  compareContent(ctx, was.content, is.content, "request", at);
}
