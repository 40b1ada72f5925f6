export { GongInputError, type GongInputProblem, shorten } from "./input-error.js";

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

/**
 * The base of one kind's class: it sets `kind` and `name`, so each class below states both once, in its heading
 * (a class's own name would not do: minifiers rename classes).
 */
function errorOfKind<const Kind extends GongErrorKind>(kind: Kind, name: string): KindClass<Kind> {
  return class extends GongApiError {
    override name = name;
    readonly kind: Kind = kind;
  };
}

/**
 * Spelled out so the declarations name `GongApiError` as the base, and keep its static side (with @types/node,
 * `Error.captureStackTrace`), so each class stays assignable to `typeof GongApiError`.
 */
type KindClass<Kind extends GongErrorKind> = Omit<typeof GongApiError, "prototype"> &
  (new (
    message: string,
    details?: GongErrorDetails,
  ) => GongApiError & { readonly kind: Kind });

/** 400: Gong refused the request as malformed (for this endpoint, also: an id that does not exist). */
export class GongBadRequestError extends errorOfKind("bad_request", "GongBadRequestError") {}

/** 401 or 403: the credentials are missing, wrong, or lack the `api:flows:write` scope. */
export class GongAuthenticationError extends errorOfKind("authentication", "GongAuthenticationError") {}

/** 429, or starts held by the limiter longer than `maxRetryAfterSeconds`: the company's request limit. */
export class GongRateLimitError extends errorOfKind("rate_limit", "GongRateLimitError") {
  /** Seconds Gong asked to wait (from `Retry-After`), or `null` when it did not say. */
  readonly retryAfter: number | null;

  constructor(message: string, details: GongErrorDetails & { readonly retryAfter: number | null }) {
    super(message, details);
    this.retryAfter = details.retryAfter;
  }
}

/** The limiter's daily request count is spent: nothing was sent. */
export class GongDailyLimitError extends errorOfKind("daily_limit", "GongDailyLimitError") {
  /** When the count starts again. */
  readonly resetsAt: Date;

  constructor(message: string, details: GongErrorDetails & { readonly resetsAt: Date }) {
    super(message, details);
    this.resetsAt = details.resetsAt;
  }
}

/** The limiter itself failed (e.g. its shared store was lost): nothing more is sent. */
export class GongLimiterError extends errorOfKind("limiter", "GongLimiterError") {}

/** 5xx: Gong failed; the request may or may not have been processed. */
export class GongServerError extends errorOfKind("server", "GongServerError") {}

/** Any other non-2xx status (including redirects, which are never followed). */
export class GongHttpError extends errorOfKind("http", "GongHttpError") {}

/** No HTTP answer: the connection was refused, reset or dropped before the response's headers. */
export class GongConnectionError extends errorOfKind("connection", "GongConnectionError") {}

/** No answer within the per-attempt timeout. */
export class GongTimeoutError extends errorOfKind("timeout", "GongTimeoutError") {}

/**
 * An answer that cannot be read as the spec says: a 2xx body that does not match it, or a body cut off, too large,
 * or not complete within the timeout. The request may have been processed.
 */
export class GongInvalidResponseError extends errorOfKind("invalid_response", "GongInvalidResponseError") {}
