/** Replaces every secret in a text; the one function every message, error and log line passes through. */
export type Redactor = (text: string) => string;

export const REDACTED = "[REDACTED]";

/**
 * Secrets at least this long are redacted wherever they appear, and so are their encoded forms; shorter ones
 * (placeholders such as `a` in a trial run) only where they stand alone, so they cannot turn every word containing
 * that letter into `[REDACTED]`. Real keys and tokens are far longer.
 */
export const SUBSTRING_MIN_LENGTH = 8;

/**
 * A leading part of a secret, or of one of its encoded forms, is redacted once it is this long: a server that
 * truncates what it echoes (the first 40 characters of the Authorization value, say) must not print most of it.
 * Twelve characters of a key or token do not occur in ordinary text by chance; shorter cut-offs are left alone.
 */
export const PREFIX_MIN_LENGTH = 12;

const utf8 = new TextEncoder();

/** Base64 of bytes with `btoa`, which browsers, Node, Deno and Bun all have (Node's own encoder is Node only). */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const base64Url = (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_");
const unpadded = (text: string) => text.replace(/=+$/, "");

/**
 * The base64 characters that depend on the secret's bytes alone when it sits inside a longer encoded text (as the
 * secret does inside the Basic value `base64(key:secret)`), for each of the three byte alignments. The first and
 * last groups of four mix in neighbouring bytes and are left out.
 */
function embeddedBase64(bytes: Uint8Array): string[] {
  const cores: string[] = [];
  for (let offset = 1; offset <= 2; offset++) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const wholeGroups = Math.floor(shifted.length / 3);
    cores.push(base64(shifted).slice(4, 4 * wholeGroups));
  }
  return cores;
}

/** Percent-encoded forms, with upper- and lower-case hex digits. */
function percentEncoded(text: string): string[] {
  const upper = encodeURIComponent(text);
  return [upper, upper.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())];
}

/**
 * The forms a server may echo a secret in: as is, base64 (padded, unpadded, base64url; of the secret alone or
 * within a longer encoded text), and each of these percent-encoded. Forms shorter than
 * {@link SUBSTRING_MIN_LENGTH} are dropped.
 */
export function secretForms(secret: string): string[] {
  const bytes = utf8.encode(secret);
  const encoded = [base64(bytes), ...embeddedBase64(bytes)];
  const plain = [secret, unpadded(secret), ...encoded, ...encoded.map(unpadded)];
  const all = [...plain, ...plain.map(base64Url)];
  const forms = new Set([...all, ...all.flatMap(percentEncoded)]);
  return [...forms].filter((form) => form.length >= SUBSTRING_MIN_LENGTH);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Span = readonly [start: number, end: number];

/** Where `needle` occurs in `text`, and (for long needles) where a leading part of it of useful length does. */
function spansOf(text: string, needle: string, spans: Span[]): void {
  const head = needle.length >= PREFIX_MIN_LENGTH ? needle.slice(0, PREFIX_MIN_LENGTH) : needle;
  for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
    let end = at + head.length;
    while (end - at < needle.length && text[end] === needle[end - at]) end++;
    spans.push([at, end]);
  }
}

/** Replaces the spans (overlapping or not) with one marker each run of covered text. */
function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let result = "";
  let copied = 0;
  for (const [start, end] of spans) {
    if (end <= copied) continue;
    if (start >= copied) result += `${text.slice(copied, start)}${REDACTED}`;
    copied = end;
  }
  return result + text.slice(copied);
}

/**
 * Builds a redactor for the given secrets. Every secret of at least {@link SUBSTRING_MIN_LENGTH} characters is
 * redacted in each of its {@link secretForms}, and so is any leading part of a form of at least
 * {@link PREFIX_MIN_LENGTH} characters; a shorter secret only where it stands alone. Matches are found on the
 * original text and then replaced together, so a secret inside another (or overlapping it) leaves no tail
 * whatever the order of the secrets.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const unique = [...new Set(secrets.filter((secret) => secret.length > 0))];
  if (unique.length === 0) return (text) => text;
  const long = unique.filter((secret) => secret.length >= SUBSTRING_MIN_LENGTH);
  const needles = [...new Set(long.flatMap(secretForms))];
  const short = unique.filter((secret) => secret.length < SUBSTRING_MIN_LENGTH);
  const standalone =
    short.length === 0
      ? null
      : new RegExp(`(?<![\\w+/])(?:${short.map(escapeRegExp).join("|")})(?![\\w+/=])`, "g");
  return (text) => {
    const spans: Span[] = [];
    for (const needle of needles) spansOf(text, needle, spans);
    if (standalone) {
      for (const match of text.matchAll(standalone)) spans.push([match.index, match.index + match[0].length]);
    }
    return replaceSpans(text, spans);
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
