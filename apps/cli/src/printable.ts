/**
 * Characters a terminal acts on instead of showing: controls (C0, DEL, C1: escape sequences, carriage return,
 * line breaks), format characters (bidi overrides such as U+202E, zero-width characters), line and paragraph
 * separators, and lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const hex = (code: number, width: number) => code.toString(16).padStart(width, "0");

/** `\n`, `\x1b`, `\u202e`, `\u{e0001}`: what the character is, in the notation of a JavaScript string. */
function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 5)}}`;
}

/**
 * Text from outside (Gong's messages and request ids, a journal's contents) made safe to print on one line of a
 * terminal: every character the terminal would act on is shown escaped, so a hostile answer cannot move the
 * cursor, clear the screen, start a line of its own or reverse the text around it.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * `JSON.stringify` for output that may land on a terminal. It escapes C0 controls but writes DEL, C1 controls,
 * bidi and other format characters and U+2028/2029 raw; those are written as `\uXXXX` escapes here (valid JSON,
 * parsed back to the very same strings).
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => {
    let escaped = "";
    for (let index = 0; index < char.length; index++) escaped += `\\u${hex(char.charCodeAt(index), 4)}`;
    return escaped;
  });
}
