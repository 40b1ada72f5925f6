import {
  type GongApiError,
  GongAuthenticationError,
  GongBadRequestError,
  GongHttpError,
  GongRateLimitError,
  GongServerError,
} from "../errors.js";
import type { Redactor } from "../redact.js";

// The one place that maps an answer's status to its error class. It sits with the transport, not in errors.ts,
// because only a client that has sent a request needs it: the classes are on the startup path, this is not.

/** Reads `requestId` and `errors[]` from a body if it is Gong's JSON error shape; tolerates anything else. */
export function parseErrorBody(bodyText: string): { requestId: string | null; messages: string[] } {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === "object" && body !== null) {
      const { requestId, errors } = body as Record<string, unknown>;
      return {
        requestId: typeof requestId === "string" ? requestId : null,
        messages: Array.isArray(errors) ? errors.filter((m): m is string => typeof m === "string") : [],
      };
    }
  } catch {
    // Not JSON (an HTML page from a proxy, say): the status alone must do.
  }
  return { requestId: null, messages: [] };
}

/**
 * Turns a non-2xx response into its error class: the one place that maps status to kind.
 * Every text taken from the response passes through `redact`, since servers sometimes echo credentials back.
 */
export function errorFromResponse(
  response: Response,
  bodyText: string,
  redact: Redactor,
  context: { scheme: "basic" | "bearer"; retryAfter: number | null; scope?: string | null },
): GongApiError {
  const parsed = parseErrorBody(bodyText);
  const found = parsed.requestId ?? response.headers.get("x-traceid");
  const requestId = found === null ? null : redact(found);
  const messages = parsed.messages.map(redact);
  const status = response.status;
  const details = { status, requestId, messages };
  const said = messages.length > 0 ? `: ${messages.join("; ")}` : "";
  const ref = requestId ? ` (requestId ${requestId})` : "";
  if (status === 400) return new GongBadRequestError(`Gong refused the request (400)${said}${ref}`, details);
  if (status === 401 || status === 403) {
    const hint =
      status === 403 && context.scheme === "bearer"
        ? `; the OAuth token needs the ${context.scope ?? "api:flows:write"} scope`
        : "; check the access key and secret, or the token";
    return new GongAuthenticationError(
      `Gong rejected the credentials (${status})${said}${hint}${ref}`,
      details,
    );
  }
  if (status === 429) {
    const wait = context.retryAfter === null ? "" : `; retry after ${context.retryAfter} s`;
    return new GongRateLimitError(`Gong's request limit was exceeded (429)${said}${wait}${ref}`, {
      ...details,
      retryAfter: context.retryAfter,
    });
  }
  if (status >= 500) return new GongServerError(`Gong failed with ${status}${said}${ref}`, details);
  return new GongHttpError(`Gong answered with unexpected status ${status}${said}${ref}`, details);
}
