/** Statuses worth another attempt besides 429: the server failed and may succeed next time. */
const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504]);

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** The longest a Retry-After may hold every start: a day, whatever a server asks. */
export const MAX_PAUSE_MS = 24 * 60 * 60 * 1000;

/** Exponential backoff: about 0.5 s doubling per retry, capped near 8 s, minus up to 25% jitter. */
export function backoffMs(retryIndex: number, random: () => number): number {
  const ceiling = Math.min(BASE_BACKOFF_MS * 2 ** retryIndex, MAX_BACKOFF_MS);
  return ceiling * (1 - 0.25 * random());
}

/** An HTTP date as RFC 9110 allows it: IMF-fixdate, obsolete RFC 850, or asctime. */
const HTTP_DATE =
  /^(?:[A-Za-z]{3}, (\d{2}) [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]+, (\d{2})-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} ([ \d]\d) \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * Seconds to wait from a `Retry-After` value: integer or fractional seconds, or an HTTP date.
 * Negative or past values mean "now" (0); an absent or unreadable value is `null` (use backoff).
 */
export function parseRetryAfter(value: string | null, nowEpochMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^-?(?:\d+\.?\d*|\.\d+)$/.test(text)) return Math.max(0, Number(text));
  const match = HTTP_DATE.exec(text);
  if (match === null) return null;
  const [, imfDay, rfc850Day, asctimeDay] = match;
  // asctime carries no zone, and Date.parse would read it as local time: HTTP dates are always GMT.
  const date = Date.parse(asctimeDay === undefined ? text : `${text} GMT`);
  // Date.parse gives NaN for some impossible dates and rolls others over (31 Feb becomes 3 Mar); either way the
  // day read back differs from the day written (NaN's day is NaN), and the value is unreadable.
  if (new Date(date).getUTCDate() !== Number(imfDay ?? rfc850Day ?? asctimeDay)) return null;
  return Math.max(0, (date - nowEpochMs) / 1000);
}

/** The facts of a failed attempt the retry decision needs. */
export type AttemptFailure =
  /** An HTTP answer with a status other than 2xx; `retryAfterSeconds` parsed from a 429's header. */
  | { readonly kind: "status"; readonly status: number; readonly retryAfterSeconds: number | null }
  /** No answer: connection refused, reset or dropped, or the attempt timed out. */
  | { readonly kind: "no_answer" }
  /** Headers came but the body could not be read (cut, too large, too slow): never re-sent as if unanswered. */
  | { readonly kind: "unreadable" };

/** The limits a retry decision respects. */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly maxRetryAfterSeconds: number;
  readonly random: () => number;
}

/**
 * What to do after a failed attempt. `pauseAllMs` (> 0 after a 429) holds every start through the limiter,
 * including when this request gives up: Gong's limit is the company's, not this request's.
 */
export type RetryDecision =
  | { readonly kind: "retry"; readonly waitMs: number; readonly pauseAllMs: number }
  | { readonly kind: "give_up"; readonly pauseAllMs: number };

/**
 * The retry decision, apart from the waiting: 429 after its Retry-After (or backoff when absent), 500/502/503/504
 * and no answer after backoff, anything else never; at most `maxRetries` retries; a Retry-After beyond
 * `maxRetryAfterSeconds` is not waited. `attempt` counts from 1.
 */
export function decideRetry(failure: AttemptFailure, attempt: number, policy: RetryPolicy): RetryDecision {
  const retryUnlessSpent = (waitMs: number, pauseAllMs = 0): RetryDecision =>
    attempt > policy.maxRetries ? { kind: "give_up", pauseAllMs } : { kind: "retry", waitMs, pauseAllMs };
  switch (failure.kind) {
    case "unreadable":
      return { kind: "give_up", pauseAllMs: 0 };
    case "no_answer":
      return retryUnlessSpent(backoffMs(attempt - 1, policy.random));
    case "status": {
      const { status, retryAfterSeconds } = failure;
      if (status === 429) {
        const waitMs =
          retryAfterSeconds === null ? backoffMs(attempt - 1, policy.random) : retryAfterSeconds * 1000;
        const pauseAllMs = Math.min(waitMs, MAX_PAUSE_MS);
        if (retryAfterSeconds !== null && retryAfterSeconds > policy.maxRetryAfterSeconds) {
          return { kind: "give_up", pauseAllMs };
        }
        return retryUnlessSpent(waitMs, pauseAllMs);
      }
      if (RETRYABLE_SERVER_STATUSES.has(status))
        return retryUnlessSpent(backoffMs(attempt - 1, policy.random));
      return { kind: "give_up", pauseAllMs: 0 };
    }
  }
}
