import { OPERATIONS } from "../generated/operations.js";

const ROUTES = Object.values(OPERATIONS);

/**
 * The OAuth scope the spec requires for a request, found by its method and path (the base URL may carry a path
 * prefix, so the path is matched at the end): what a Bearer 403 is told it lacks.
 */
export function scopeOf(method: string, url: string): string | null {
  const pathname = new URL(url).pathname.replace(/\/+$/, "");
  const route = ROUTES.find((candidate) => candidate.method === method && pathname.endsWith(candidate.path));
  return route?.scopes[0] ?? null;
}
