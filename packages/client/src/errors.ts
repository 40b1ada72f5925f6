import type { Redactor } from "./redact.js";

/** What went wrong with a request, as a stable string to switch on. */
export type GongErrorKind =
  | "bad_request"
  | "authentication"
  | "rate_limit"
  | "daily_limit"
  | "limiter"
  | "server"
  | "http"
  | "connection"
  | "timeout"
  | "invalid_response";

/** The facts of a failed request every error carries besides its message. */
export interface GongErrorDetails {
  readonly status?: number | null;
  readonly requestId?: string | null;
  readonly messages?: readonly string[];
  readonly cause?: unknown;
}

/** Base class of every failure of a request to Gong; each subclass names its own `kind`. */
export abstract class GongApiError extends Error {
  /** What went wrong, for `switch`. */
  abstract readonly kind: GongErrorKind;
  /** The HTTP status, or `null` when no response arrived. */
  readonly status: number | null;
  /** Gong's request reference (body `requestId`, else the `x-traceid` header), for Gong's support. */
  readonly requestId: string | null;
  /** Gong's own error messages (`errors[]` of the body). */
  readonly messages: readonly string[];

  constructor(message: string, details: GongErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status ?? null;
    this.requestId = details.requestId ?? null;
    this.messages = details.messages ?? [];
  }
}

/** 400: Gong refused the request as malformed (for this endpoint, also: an id that does not exist). */
export class GongBadRequestError extends GongApiError {
  override name = "GongBadRequestError";
  readonly kind = "bad_request";
}

/** 401 or 403: the credentials are missing, wrong, or lack the `api:flows:write` scope. */
export class GongAuthenticationError extends GongApiError {
  override name = "GongAuthenticationError";
  readonly kind = "authentication";
}

/** 429, or starts held by the limiter longer than `maxRetryAfterSeconds`: the company's request limit. */
export class GongRateLimitError extends GongApiError {
  override name = "GongRateLimitError";
  readonly kind = "rate_limit";
  /** Seconds Gong asked to wait (from `Retry-After`), or `null` when it did not say. */
  readonly retryAfter: number | null;

  constructor(message: string, details: GongErrorDetails & { readonly retryAfter: number | null }) {
    super(message, details);
    this.retryAfter = details.retryAfter;
  }
}

/** The limiter's daily request count is spent: nothing was sent. */
export class GongDailyLimitError extends GongApiError {
  override name = "GongDailyLimitError";
  readonly kind = "daily_limit";
  /** When the count starts again. */
  readonly resetsAt: Date;

  constructor(message: string, details: GongErrorDetails & { readonly resetsAt: Date }) {
    super(message, details);
    this.resetsAt = details.resetsAt;
  }
}

/** The limiter itself failed (e.g. its shared store was lost): nothing more is sent. */
export class GongLimiterError extends GongApiError {
  override name = "GongLimiterError";
  readonly kind = "limiter";
}

/** 5xx: Gong failed; the request may or may not have been processed. */
export class GongServerError extends GongApiError {
  override name = "GongServerError";
  readonly kind = "server";
}

/** Any other non-2xx status (including redirects, which are never followed). */
export class GongHttpError extends GongApiError {
  override name = "GongHttpError";
  readonly kind = "http";
}

/** No HTTP answer: the connection was refused, reset or dropped before the response's headers. */
export class GongConnectionError extends GongApiError {
  override name = "GongConnectionError";
  readonly kind = "connection";
}

/** No answer within the per-attempt timeout. */
export class GongTimeoutError extends GongApiError {
  override name = "GongTimeoutError";
  readonly kind = "timeout";
}

/**
 * An answer that cannot be read as the spec says: a 2xx body that does not match it, or a body cut off, too large,
 * or not complete within the timeout. The request may have been processed.
 */
export class GongInvalidResponseError extends GongApiError {
  override name = "GongInvalidResponseError";
  readonly kind = "invalid_response";
}

/** Where an input problem is, for callers that show it their own way (the CLI names flags and file lines). */
export interface GongInputProblem {
  /** The option or argument: `"ids"`, `"unassignedByUserEmail"`, `"batchSize"`, `"auth.bearerToken"`, … */
  readonly field: string;
  /** Position in the input, where there is one (the id's index in `ids`). */
  readonly index?: number | null;
  /** The offending value, shortened; `null` when it could hold a credential or is not a string. */
  readonly value?: string | null;
}

/**
 * A bad option, id or email, thrown before anything is sent. `message` says what to fix; `field`, `index` and
 * `value` say where, so no caller has to parse the message.
 */
export class GongInputError extends TypeError {
  override name = "GongInputError";
  readonly field: string;
  readonly index: number | null;
  readonly value: string | null;

  constructor(message: string, problem: GongInputProblem) {
    super(message);
    this.field = problem.field;
    this.index = problem.index ?? null;
    this.value = problem.value === undefined || problem.value === null ? null : shorten(problem.value);
  }
}

const SHOWN_CHARACTERS = 60;

/** A value as error messages show it: cut after 60 characters, so a pasted megabyte does not flood a terminal. */
export function shorten(value: string): string {
  return value.length > SHOWN_CHARACTERS ? `${value.slice(0, SHOWN_CHARACTERS)}…` : value;
}

/** A value quoted for a message, shortened. */
export function describeValue(value: string): string {
  return JSON.stringify(shorten(value));
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
