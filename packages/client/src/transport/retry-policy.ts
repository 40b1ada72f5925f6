/** Statuses worth another attempt besides 429: the server failed and may succeed next time. */
const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504]);

export const isRetryableServerStatus = (status: number): boolean => RETRYABLE_SERVER_STATUSES.has(status);

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

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
