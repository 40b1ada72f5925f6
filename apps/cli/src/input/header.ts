import type { IdKind } from "./id-kinds.js";

/** Column names of CRM and spreadsheet exports that are also well-formed opaque ids ("Id", "Email"). */
const HEADER_WORD =
  /^(?:ids?|crm[ _-]?ids?|(?:contact|lead|prospect|record|account|flow|flow[ _-]?instance)[ _-]?ids?|e-?mail|name)$/i;
/** A column name: starts with a letter, words of letters, digits, spaces, `_ . -`; an email is not one. */
const NAME_SHAPE = /^\p{L}[\p{L}\p{N} _.-]*$/u;

/** The fields of a line as a CSV header would hold them (quotes removed). */
export function headerFields(line: string): string[] {
  return line.split(/[,\t;]/).map((field) => field.trim().replace(/^"(.*)"$/, "$1"));
}

/**
 * Whether the first data line of an id file is a CSV header rather than ids: one of its fields cannot be an id
 * (or is a well-known column name), and one reads like a column name.
 */
export function looksLikeHeader(line: string, kind: IdKind): boolean {
  const fields = headerFields(line).filter((field) => field !== "");
  const named = fields.some((field) => NAME_SHAPE.test(field));
  const notIds = fields.some((field) => HEADER_WORD.test(field) || kind.problem(field) !== null);
  return named && notIds;
}
