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
 * Any run of at least this many characters of a secret, or of one of its encoded forms, is redacted: a prefix (a
 * server that truncates what it echoes), a suffix or any inner piece. Twelve characters of a key or token do not
 * occur in ordinary text by chance, and no run of this length of a secret is left in what is printed.
 */
export const RUN_MIN_LENGTH = 12;

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

/** The UTF-8 bytes in hex, lower and upper case. */
function hexForms(bytes: Uint8Array): string[] {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return [hex, hex.toUpperCase()];
}

/** Percent-encoded forms, with upper- and lower-case hex digits. */
function percentEncoded(text: string): string[] {
  const upper = encodeURIComponent(text);
  return [upper, upper.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())];
}

/**
 * The forms a server may echo a secret in: as is, base64 (padded, unpadded, base64url; of the secret alone or
 * within a longer encoded text), each of these percent-encoded, and hex. Forms shorter than
 * {@link SUBSTRING_MIN_LENGTH} are dropped. Partial percent-encodings and `+` turned into a space are found on the
 * normalized view of the text instead (see {@link normalizedView}).
 */
export function secretForms(secret: string): string[] {
  const bytes = utf8.encode(secret);
  const encoded = [base64(bytes), ...embeddedBase64(bytes)];
  const plain = [secret, unpadded(secret), ...encoded, ...encoded.map(unpadded)];
  const all = [...plain, ...plain.map(base64Url)];
  const forms = new Set([...all, ...all.flatMap(percentEncoded), ...hexForms(bytes)]);
  return [...forms].filter((form) => form.length >= SUBSTRING_MIN_LENGTH);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Span = readonly [start: number, end: number];

/**
 * Every piece of {@link RUN_MIN_LENGTH} characters of the forms. A run of a form of any length ≥ that is covered
 * exactly by the windows of that length inside it, so marking every window found covers every such run.
 */
function runsOf(forms: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const form of forms) {
    for (let at = 0; at + RUN_MIN_LENGTH <= form.length; at++) runs.add(form.slice(at, at + RUN_MIN_LENGTH));
  }
  return runs;
}

/**
 * The text as a server's transformations left it undone: `%XX` of a printable ASCII character decoded (a partial
 * percent-encoding: `+` and `=` encoded but `/` kept, or only `/`), a space read as the `+` that form decoding
 * turned into it, and line breaks dropped (base64 wrapped into lines). The `i`th character of the view comes from
 * `text.slice(starts[i], ends[i])`, so a span of the view maps back to the text.
 */
function normalizedView(text: string): { view: string; starts: number[]; ends: number[] } {
  let view = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { 0: piece, index } of text.matchAll(/%[2-7][0-9a-f]|[^\r\n]/gi)) {
    view +=
      piece.length > 1 ? String.fromCharCode(Number.parseInt(piece.slice(1), 16)) : piece.replace(" ", "+");
    starts.push(index);
    ends.push(index + piece.length);
  }
  return { view, starts, ends };
}

/** Marks the forms shorter than {@link RUN_MIN_LENGTH} where they occur whole, and every long run of a form. */
function findSecrets(text: string, whole: readonly string[], runs: ReadonlySet<string>, spans: Span[]): void {
  for (const needle of whole) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      spans.push([at, at + needle.length]);
    }
  }
  for (let at = 0; at + RUN_MIN_LENGTH <= text.length; at++) {
    if (runs.has(text.slice(at, at + RUN_MIN_LENGTH))) spans.push([at, at + RUN_MIN_LENGTH]);
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
 * redacted in each of its {@link secretForms}, and so is any run of at least {@link RUN_MIN_LENGTH} characters of
 * a form (prefix, suffix or inner piece); a shorter secret only where it stands alone. Matches are found on the
 * normalized view of the text (partial percent-encoding, `+` as space, wrapped lines undone; the forms normalized
 * the same way), mapped back to the text, and then replaced together, so a secret inside another (or overlapping it) leaves no tail whatever the
 * order of the secrets.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const unique = [...new Set(secrets.filter((secret) => secret.length > 0))];
  if (unique.length === 0) return (text) => text;
  const long = unique.filter((secret) => secret.length >= SUBSTRING_MIN_LENGTH);
  // Forms are searched for as the normalized view shows them, so one search of the view finds them all.
  const forms = [...new Set(long.flatMap(secretForms).map((form) => normalizedView(form).view))];
  const whole = forms.filter((form) => form.length < RUN_MIN_LENGTH);
  const runs = runsOf(forms);
  const short = unique.filter((secret) => secret.length < SUBSTRING_MIN_LENGTH);
  const standalone =
    short.length === 0
      ? null
      : new RegExp(`(?<![\\w+/])(?:${short.map(escapeRegExp).join("|")})(?![\\w+/=])`, "g");
  return (text) => {
    const { view, starts, ends } = normalizedView(text);
    const found: Span[] = [];
    findSecrets(view, whole, runs, found);
    const spans: Span[] = found.map(([start, end]) => [starts[start] as number, ends[end - 1] as number]);
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
