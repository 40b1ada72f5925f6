import { MAX_ID_LENGTH } from "../defaults.js";
import { REQUEST_LIMITS } from "../generated/limits.js";
import { GongInputError, shorten } from "../input-error.js";

/** A value quoted for a message, shortened. */
export function describeValue(value: string): string {
  return JSON.stringify(shorten(value));
}

/** The spec's pattern of a flow instance id (decimal digits), generated from it at build time. */
const ID_PATTERN_SOURCE: string = REQUEST_LIMITS.unassignFlows.flowInstanceIds.items.pattern;
const ID_PATTERN = new RegExp(ID_PATTERN_SOURCE, "u");

// Whitespace (Unicode), control (Cc) and format (Cf) characters, and the separators of the CLI's id files.
const FORBIDDEN_IN_ID = /[\s\p{Cc}\p{Cf},#]/u;
const EMAIL = /^[^\s@\p{Cc}\p{Cf}]+@[^\s@\p{Cc}\p{Cf}.]+(?:\.[^\s@\p{Cc}\p{Cf}.]+)+$/u;

/** Why `id` is not a valid flow instance id, or `null` when it is. Shared with the CLI's file reader. */
export function idProblem(id: string): string | null {
  if (id.length === 0) return "is empty";
  if (id.length > MAX_ID_LENGTH) return `is ${id.length} characters long (at most ${MAX_ID_LENGTH})`;
  const bad = FORBIDDEN_IN_ID.exec(id);
  if (bad) {
    const char = bad[0];
    const what =
      char === "," || char === "#"
        ? `"${char}"`
        : `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`;
    return `contains ${what} (ids have no whitespace, control characters, commas or #)`;
  }
  if (!ID_PATTERN.test(id))
    return `is not a Gong id: flow instance ids are decimal digits (${ID_PATTERN_SOURCE})`;
  return null;
}

/** Validates every id before anything is sent; the error names the field, the position and the value. */
export function validateIds(ids: unknown, field = "ids", allowEmpty = false): string[] {
  if (typeof ids === "string") {
    throw new GongInputError(
      `${field} must be an iterable of id strings, not a single string: wrap it as [id]`,
      { field, value: ids },
    );
  }
  if (ids === null || typeof ids !== "object" || !(Symbol.iterator in ids)) {
    throw new GongInputError(`${field} must be an iterable (e.g. an array) of flow instance id strings`, {
      field,
    });
  }
  const result: string[] = [];
  let index = 0;
  for (const id of ids as Iterable<unknown>) {
    if (typeof id !== "string") {
      throw new GongInputError(`${field}[${index}] must be a string, got ${typeof id}`, { field, index });
    }
    const problem = idProblem(id);
    if (problem) {
      throw new GongInputError(`${field}[${index}] ${describeValue(id)} ${problem}`, {
        field,
        index,
        value: id,
      });
    }
    result.push(id);
    index++;
  }
  if (result.length === 0 && !allowEmpty) {
    throw new GongInputError(`${field} is empty: pass at least one flow instance id`, { field });
  }
  return result;
}

/** Why `email` does not look like `local@domain.tld`, or `null` when it does. */
export function emailProblem(email: unknown): string | null {
  if (typeof email !== "string") return `must be a string, got ${typeof email}`;
  if (email.length > 254 || !EMAIL.test(email))
    return `${describeValue(email)} does not look like local@domain.tld`;
  return null;
}

export function validateEmail(email: unknown, field = "unassignedByUserEmail"): string | undefined {
  if (email === undefined) return undefined;
  const problem = emailProblem(email);
  if (problem) {
    throw new GongInputError(`${field} ${problem}`, {
      field,
      value: typeof email === "string" ? email : null,
    });
  }
  return email as string;
}
