/**
 * Reads the listed ids from a 200 body, or returns `null` when the body breaks the spec: not a JSON object, or
 * `unassignedFlowInstanceIds` missing or not an array of strings. A missing `requestId` is allowed.
 */
export function readUnassignedIds(bodyText: string): string[] | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const listed = (body as Record<string, unknown>).unassignedFlowInstanceIds;
  if (!Array.isArray(listed) || !listed.every((id) => typeof id === "string")) return null;
  return listed;
}
