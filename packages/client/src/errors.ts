import type { Redactor } from "./redact.js";

/** What went wrong, as a stable string to switch on. */
export type GongErrorKind =
  | "bad_request"
  | "authentication"
  | "rate_limit"
  | "server"
  | "http"
  | "connection"
  | "timeout"
  | "invalid_response";

/** Fields shared by every error this package throws or reports. */
export interface GongErrorDetails {
  readonly status?: number | null;
  readonly requestId?: string | null;
  readonly messages?: readonly string[];
  readonly cause?: unknown;
}

/** Base class of every failure of a request to Gong. */
export class GongApiError extends Error {
  override name = "GongApiError";
  /** What went wrong, for `switch`. */
  readonly kind: GongErrorKind;
  /** The HTTP status, or `null` when no response arrived. */
  readonly status: number | null;
  /** Gong's request reference (body `requestId`, else the `x-traceid` header), for Gong's support. */
  readonly requestId: string | null;
  /** Gong's own error messages (`errors[]` of the body). */
  readonly messages: readonly string[];

  constructor(kind: GongErrorKind, message: string, details: GongErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status ?? null;
    this.requestId = details.requestId ?? null;
    this.messages = details.messages ?? [];
  }
}

/** 400: Gong refused the request as malformed (for this endpoint, also: an id that does not exist). */
export class GongBadRequestError extends GongApiError {
  override name = "GongBadRequestError";
}

/** 401 or 403: the credentials are missing, wrong, or lack the `api:flows:write` scope. */
export class GongAuthenticationError extends GongApiError {
  override name = "GongAuthenticationError";
}

/** 429: the company's request limit was exceeded. */
export class GongRateLimitError extends GongApiError {
  override name = "GongRateLimitError";
  /** Seconds Gong asked to wait (from `Retry-After`), or `null` when it did not say. */
  readonly retryAfter: number | null;

  constructor(message: string, details: GongErrorDetails & { retryAfter: number | null }) {
    super("rate_limit", message, details);
    this.retryAfter = details.retryAfter;
  }
}

/** 5xx: Gong failed; the request may or may not have been processed. */
export class GongServerError extends GongApiError {
  override name = "GongServerError";
}

/** Any other non-2xx status (including redirects, which are never followed). */
export class GongHttpError extends GongApiError {
  override name = "GongHttpError";
}

/** No HTTP answer: the connection was refused, reset or dropped. */
export class GongConnectionError extends GongApiError {
  override name = "GongConnectionError";
}

/** No answer within the per-attempt timeout. */
export class GongTimeoutError extends GongApiError {
  override name = "GongTimeoutError";
}

/** A 2xx whose body does not match the spec. */
export class GongInvalidResponseError extends GongApiError {
  override name = "GongInvalidResponseError";
}

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
  context: { scheme: "basic" | "bearer"; retryAfter: number | null },
): GongApiError {
  const parsed = parseErrorBody(bodyText);
  const requestId = redactOrNull(parsed.requestId ?? response.headers.get("x-traceid"), redact);
  const messages = parsed.messages.map(redact);
  const status = response.status;
  const details = { status, requestId, messages };
  const said = messages.length > 0 ? `: ${messages.join("; ")}` : "";
  const ref = requestId ? ` (requestId ${requestId})` : "";
  if (status === 400)
    return new GongBadRequestError("bad_request", `Gong refused the request (400)${said}${ref}`, details);
  if (status === 401 || status === 403) {
    const hint =
      status === 403 && context.scheme === "bearer"
        ? "; the OAuth token needs the api:flows:write scope"
        : "; check the access key and secret, or the token";
    return new GongAuthenticationError(
      "authentication",
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
  if (status >= 500) return new GongServerError("server", `Gong failed with ${status}${said}${ref}`, details);
  return new GongHttpError("http", `Gong answered with unexpected status ${status}${said}${ref}`, details);
}

function redactOrNull(value: string | null, redact: Redactor): string | null {
  return value === null ? null : redact(value);
}
