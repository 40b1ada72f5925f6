/**
 * Input problems, thrown before anything is sent. Apart from the request errors in errors.ts (which re-exports
 * these) because options are checked on the hot import path: see README, "Size".
 */
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
    this.value = problem.value == null ? null : shorten(problem.value);
  }
}

const SHOWN_CHARACTERS = 60;

/** A value as error messages show it: cut after 60 characters, so a pasted megabyte does not flood a terminal. */
export function shorten(value: string): string {
  return value.length > SHOWN_CHARACTERS ? `${value.slice(0, SHOWN_CHARACTERS)}…` : value;
}
