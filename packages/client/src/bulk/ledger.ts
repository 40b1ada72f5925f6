import { type GongApiError, GongDailyLimitError, GongRateLimitError } from "../errors.js";
import { failureOf } from "../failure.js";
import type { AttemptFacts } from "../transport/attempt.js";
import type { Outcome, ProgressEvent, UnassignError, UnassignReport } from "./report.js";
import { buildReport } from "./report-builder.js";

/** Outcomes that a possible earlier processing of the id overrides: only a listing beats doubt. */
const OVERRIDDEN_BY_DOUBT: ReadonlySet<Outcome> = new Set(["notUnassigned", "rejected", "skipped"]);

/**
 * The bookkeeping of one bulk run: which ids are settled and how, which are in doubt, and the counters.
 * Classification rules live here and nowhere else, so they can be tested without HTTP.
 */
export class Ledger {
  readonly #ids: readonly string[];
  readonly #outcomes = new Map<string, Outcome>();
  readonly #inDoubt: Set<string>;
  readonly #onProgress: ((event: ProgressEvent) => void) | undefined;
  readonly #duplicates: number;
  #requests = 0;
  readonly #requestIds: string[] = [];
  readonly #errors: UnassignError[] = [];
  #handlerFailure: { error: unknown } | undefined;

  constructor(
    ids: readonly string[],
    duplicates: number,
    possiblyProcessed: Iterable<string>,
    onProgress?: (event: ProgressEvent) => void,
  ) {
    this.#ids = ids;
    this.#duplicates = duplicates;
    this.#onProgress = onProgress;
    const known = new Set(ids);
    this.#inDoubt = new Set([...possiblyProcessed].filter((id) => known.has(id)));
  }

  /**
   * Reports an attempt about to start. Throws what `onProgress` threw, now or earlier, so the attempt is not sent:
   * a caller that cannot record an attempt (a journal on a full disk) must be able to keep it from leaving.
   */
  sending(ids: readonly string[], attempt: number): void {
    this.#emit({ type: "sending", flowInstanceIds: ids, attempt, ...this.#totals() });
    if (this.#handlerFailure) throw this.#handlerFailure.error;
  }

  /** What `onProgress` threw, if it did: the run then stops, and the handler is not called again. */
  get handlerFailure(): { error: unknown } | undefined {
    return this.#handlerFailure;
  }

  /** Records how an attempt ended, as it ends: counted, its request id kept in arrival order, doubt noted. */
  attempted(ids: readonly string[], attempt: number, result: AttemptFacts): void {
    this.#requests++;
    if (result.requestId) this.#requestIds.push(result.requestId);
    if (result.maybeProcessed) this.markInDoubt(ids);
    this.#emit({
      type: "attempted",
      flowInstanceIds: ids,
      attempt,
      status: result.status,
      maybeProcessed: result.maybeProcessed,
      ...this.#totals(),
    });
  }

  /** Counts the attempts of a lookup made for the run (isolation), and keeps its answers' request ids. */
  lookedUp(attempts: number, requestIds: readonly string[]): void {
    this.#requests += attempts;
    for (const requestId of requestIds) this.#requestIds.push(requestId);
  }

  /** These ids may have been processed by a request whose answer we did not get. */
  markInDoubt(ids: readonly string[]): void {
    for (const id of ids) this.#inDoubt.add(id);
  }

  /** Records the request's failure for the report, and returns the entry. */
  recordError(error: GongApiError, ids: readonly string[]): UnassignError {
    const entry: UnassignError = {
      ...failureOf(error),
      flowInstanceIds: [...ids],
      ...resetOf(error),
    };
    this.#errors.push(entry);
    return entry;
  }

  /**
   * Settles ids, applying the precedence rule: an id in doubt becomes `unknown` instead of `notUnassigned`,
   * `rejected` or `skipped`. Ids already settled are left alone.
   */
  settle(ids: readonly string[], outcome: Outcome, error?: UnassignError): void {
    const byOutcome = new Map<Outcome, string[]>();
    for (const id of new Set(ids)) {
      if (this.#outcomes.has(id)) continue;
      const final = OVERRIDDEN_BY_DOUBT.has(outcome) && this.#inDoubt.has(id) ? "unknown" : outcome;
      const group = byOutcome.get(final);
      if (group) group.push(id);
      else byOutcome.set(final, [id]);
    }
    for (const [final, group] of byOutcome) {
      for (const id of group) this.#outcomes.set(id, final);
      this.#emit({
        type: "settled",
        flowInstanceIds: group,
        outcome: final,
        ...(error ? { error } : {}),
        ...this.#totals(),
      });
    }
  }

  /** Settles whatever is left when the run ends: never answered means skipped, or unknown if in doubt. */
  settleRemaining(): void {
    this.settle(
      this.#ids.filter((id) => !this.#outcomes.has(id)),
      "skipped",
    );
  }

  report(): UnassignReport {
    return buildReport(this.#ids, (id) => this.#outcomes.get(id), {
      duplicates: this.#duplicates,
      requests: this.#requests,
      requestIds: this.#requestIds,
      errors: this.#errors,
    });
  }

  #totals() {
    return { settled: this.#outcomes.size, total: this.#ids.length };
  }

  /** Bookkeeping never stops halfway for a failing handler: the report must still account for every id. */
  #emit(event: ProgressEvent): void {
    if (this.#handlerFailure) return;
    try {
      this.#onProgress?.(event);
    } catch (error) {
      this.#handlerFailure = { error };
    }
  }
}

/** When a quota stop ends: the daily limit's reset, or now plus a rate limit's known wait. */
function resetOf(error: GongApiError): { resetsAt?: string } {
  if (error instanceof GongDailyLimitError) return { resetsAt: error.resetsAt.toISOString() };
  if (error instanceof GongRateLimitError && error.retryAfter !== null) {
    return { resetsAt: new Date(Date.now() + error.retryAfter * 1000).toISOString() };
  }
  return {};
}
