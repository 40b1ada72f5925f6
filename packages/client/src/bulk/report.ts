import type { RequestFailure } from "../failure.js";

/** The list an id ends in. Every unique input id lands in exactly one. */
export type Outcome = "unassigned" | "notUnassigned" | "rejected" | "unknown" | "skipped";

export const OUTCOMES: readonly Outcome[] = ["unassigned", "notUnassigned", "rejected", "unknown", "skipped"];

/** One request that finally failed, or was split to isolate refused ids. */
export interface UnassignError extends RequestFailure {
  readonly flowInstanceIds: readonly string[];
  /**
   * For a stop by a quota (`daily_limit`, or a `rate_limit` whose wait was known): when requests may start again,
   * as an ISO 8601 time. Re-running then (with the CLI: the same command and journal) goes on.
   */
  readonly resetsAt?: string;
}

/**
 * What a bulk unassign did. Each list holds ids in input order; together they hold every unique input id once.
 * Plain data: `JSON.stringify(report)` is the CLI's `--json` output.
 */
export interface UnassignReport {
  /** A response listed it: the prospect was removed from the flow. */
  readonly unassigned: string[];
  /** A request processed exactly once did not list it: still assigned. */
  readonly notUnassigned: string[];
  /** Gong refused this id itself (a 400 for a request holding only this id). */
  readonly rejected: string[];
  /** The request may have been processed and no later response listed it: check before assuming either way. */
  readonly unknown: string[];
  /** Gong did not act on it; re-running is safe. */
  readonly skipped: string[];
  /** Extra occurrences of ids that were dropped before sending. */
  readonly duplicates: number;
  /** HTTP attempts made, retries and isolation re-sends included. */
  readonly requests: number;
  /** Request ids of every response, in arrival order. */
  readonly requestIds: string[];
  /** One entry per request that finally failed or was split. */
  readonly errors: UnassignError[];
}

/** Running totals carried by every progress event. */
export interface ProgressTotals {
  /** Unique ids settled so far. */
  readonly settled: number;
  /** Unique ids in the run. */
  readonly total: number;
}

/** Emitted before every HTTP attempt, retries included. */
export interface SendingEvent extends ProgressTotals {
  readonly type: "sending";
  readonly flowInstanceIds: readonly string[];
  /** 1 for the first attempt of a request, 2 for its first retry, … */
  readonly attempt: number;
}

/** Emitted when an attempt has ended (answered, failed, or cut off while in flight). */
export interface AttemptedEvent extends ProgressTotals {
  readonly type: "attempted";
  readonly flowInstanceIds: readonly string[];
  readonly attempt: number;
  /** The HTTP status, or `null` when no answer arrived. */
  readonly status: number | null;
  /**
   * Whether Gong may have processed this attempt without saying what it did (5xx, timeout, dropped connection,
   * abort in flight). False for an answer that tells: a 2xx (processed, its body says how) or a refusal (4xx,
   * 429, connection refused: not processed).
   */
  readonly maybeProcessed: boolean;
}

/** Emitted once per id (grouped) when its list is final. */
export interface SettledEvent extends ProgressTotals {
  readonly type: "settled";
  readonly flowInstanceIds: readonly string[];
  readonly outcome: Outcome;
  readonly error?: UnassignError;
}

export type ProgressEvent = SendingEvent | AttemptedEvent | SettledEvent;
