/** Replaces every secret in a text; the one function every message, error and log line passes through. */
export type Redactor = (text: string) => string;

export const REDACTED = "[REDACTED]";

/** Secrets at least this long are redacted wherever they appear; shorter ones only as whole words. */
const SUBSTRING_MIN_LENGTH = 8;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Builds a redactor for the given secrets (longest first, so a secret inside another cannot leave a tail). A short
 * secret (a placeholder such as `a` in a trial run) is redacted only where it stands alone, so it cannot turn
 * every word containing that letter into `[REDACTED]`; real keys and tokens are far longer.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.filter((secret) => secret.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (needles.length === 0) return (text) => text;
  const short = needles.filter((needle) => needle.length < SUBSTRING_MIN_LENGTH);
  const standalone =
    short.length === 0
      ? null
      : new RegExp(`(?<![\\w+/])(?:${short.map(escapeRegExp).join("|")})(?![\\w+/=])`, "g");
  return (text) => {
    let result = text;
    for (const needle of needles) {
      if (needle.length >= SUBSTRING_MIN_LENGTH) result = result.split(needle).join(REDACTED);
    }
    return standalone ? result.replace(standalone, REDACTED) : result;
  };
}

/** Copies headers with the Authorization value hidden, for observers and debug logs. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = name.toLowerCase() === "authorization" ? REDACTED : value;
  });
  return copy;
}

/**
 * Redacts a response body. A JSON body is redacted value by value after decoding, so a secret the server wrote
 * with escapes (`\/` in a base64 value, say) is still found; anything else is redacted as text.
 */
export function redactBody(text: string, redact: Redactor): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text);
  }
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return redact(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redact(key), walk(inner)]));
    }
    return value;
  };
  return JSON.stringify(walk(parsed));
}
