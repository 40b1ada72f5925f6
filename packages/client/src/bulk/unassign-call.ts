import type { paths } from "../generated/openapi.js";
import { OPERATIONS } from "../generated/operations.js";
import type { OutgoingRequest } from "../transport/transport.js";

/** Method and path of the unassign operation, generated from the spec (by its operationId). */
export const UNASSIGN_ROUTE = OPERATIONS.unassignFlows;

/** The operation as the spec types it at that path: renaming a field in the spec breaks this package's build. */
type UnassignOperation = paths[typeof UNASSIGN_ROUTE.path]["post"];

/** The request body the spec allows. */
export type UnassignRequestBody = UnassignOperation["requestBody"]["content"]["application/json"];

/** The 200 answer the spec promises. */
export type UnassignAnswer = UnassignOperation["responses"][200]["content"]["application/json"];

const utf8 = new TextEncoder();

/** The unassign request for `ids`, its body typed by the spec, in the form every attempt can send again. */
export function unassignRequest(
  baseUrl: string,
  ids: readonly string[],
  email: string | undefined,
): OutgoingRequest {
  const body: UnassignRequestBody = {
    flowInstanceIds: ids as string[],
    ...(email ? { unassignedByUserEmail: email } : {}),
  };
  return {
    method: UNASSIGN_ROUTE.method,
    url: `${baseUrl}${UNASSIGN_ROUTE.path}`,
    headers: { "content-type": "application/json" },
    body: utf8.encode(JSON.stringify(body)).buffer,
  };
}

/**
 * Reads a 200 body as the spec's answer, or returns `null` when it breaks the spec: not a JSON object, or
 * `unassignedFlowInstanceIds` missing or not an array of strings. A missing `requestId` is allowed.
 */
export function readUnassignAnswer(bodyText: string): UnassignAnswer | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  // Fields are read through the generated type's keys: a rename in the spec fails here at compile time.
  const fields = body as { readonly [K in keyof UnassignAnswer]?: unknown };
  const listed = fields.unassignedFlowInstanceIds;
  if (!Array.isArray(listed) || !listed.every((id) => typeof id === "string")) return null;
  return body as UnassignAnswer;
}
