import { GongInvalidResponseError } from "../errors.js";
import { attemptFacts } from "../transport/attempt.js";
import type { RequestResult, Transport } from "../transport/transport.js";
import { fanOut } from "./fan-out.js";
import { Ledger } from "./ledger.js";
import { type BatchPlan, planBatches, splitInHalves } from "./plan.js";
import { ProgressHandlerError } from "./progress-handler-error.js";
import type { ProgressEvent, UnassignReport } from "./report.js";
import { readUnassignAnswer, unassignRequest } from "./unassign-call.js";
import { validateEmail, validateIds } from "./validate.js";

/** Options of one bulk unassign call. */
export interface UnassignOptions {
  /** The Gong user doing the removal (not the prospect). */
  unassignedByUserEmail?: string;
  /** Aborting stops waiting at once and resolves with the report: in-flight ids `unknown`, unsent `skipped`. */
  signal?: AbortSignal;
  /**
   * A gentler stop (the CLI's Ctrl-C): no new request or retry starts, requests in flight finish and are
   * classified, and the call resolves with the report; unsent ids are `skipped`.
   */
  stopSignal?: AbortSignal;
  /** Called before every attempt and as ids settle; the CLI's journal is built on it. */
  onProgress?: (event: ProgressEvent) => void;
  /** Ids an earlier run may have processed: they can end `unassigned` or `unknown`, never `notUnassigned`. */
  possiblyProcessed?: Iterable<string>;
}

export interface BulkConfig {
  readonly transport: Transport;
  readonly baseUrl: string;
  readonly batchSize: number;
  readonly maxIsolationRequests: number;
  /** How many requests may be in flight at once; pacing still spaces their starts. */
  readonly concurrency: number;
}

/** How a request for a group of ids ended, as far as isolation cares. */
type GroupResult = "listed" | "refused" | "other";

/** Validates, dedupes and batches `ids`, sends the batches, and accounts for every id in the report. */
export async function unassignInBulk(
  config: BulkConfig,
  ids: Iterable<string>,
  options: UnassignOptions = {},
): Promise<UnassignReport> {
  const valid = validateIds(ids);
  const email = validateEmail(options.unassignedByUserEmail);
  const possiblyProcessed =
    options.possiblyProcessed === undefined
      ? []
      : validateIds(options.possiblyProcessed, "possiblyProcessed", true);
  const plan = planBatches(valid, config.batchSize);
  return new BulkRun(config, plan, possiblyProcessed, email, options).run();
}

/**
 * The state of one bulk run, in one place: the queue of batches, the isolation budget and its turns, the one stop
 * (a failure that ends the run, a throwing `onProgress`, or the caller's `stopSignal`), and the ledger.
 */
class BulkRun {
  readonly #config: BulkConfig;
  readonly #ledger: Ledger;
  readonly #email: string | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #callerStop: AbortSignal | undefined;
  readonly #stop = new AbortController();
  /** Per-request followers of the caller's signal and of the stop, each with one listener on its source. */
  readonly #aborts: ReturnType<typeof fanOut>;
  readonly #stops: ReturnType<typeof fanOut>;
  readonly #queue: (readonly string[])[];
  #isolationBudget: number;
  /** Isolations take turns, so the budget finishes one refused batch before starting on the next. */
  #isolationTurn: Promise<void> = Promise.resolve();
  /** Anything but a throwing `onProgress` that broke the run: rethrown once the requests in flight finished. */
  #unexpected: { error: unknown } | undefined;

  constructor(
    config: BulkConfig,
    plan: BatchPlan,
    possiblyProcessed: readonly string[],
    email: string | undefined,
    options: UnassignOptions,
  ) {
    this.#config = config;
    const { onProgress } = options;
    // A throwing onProgress (a journal on a full disk) stops the run like any other stop: nothing more is sent (a
    // throw on a `sending` event comes before its request leaves), requests in flight finish and settle, and the
    // call rejects with a ProgressHandlerError carrying the report. The ledger keeps what was thrown.
    const stoppingOnThrow =
      onProgress &&
      ((event: ProgressEvent) => {
        try {
          onProgress(event);
        } catch (error) {
          this.#stop.abort();
          throw error;
        }
      });
    this.#ledger = new Ledger(plan.ids, plan.duplicates, possiblyProcessed, stoppingOnThrow);
    this.#email = email;
    this.#signal = options.signal;
    this.#callerStop = options.stopSignal;
    this.#queue = [...plan.batches];
    this.#isolationBudget = config.maxIsolationRequests;
    this.#aborts = fanOut(options.signal);
    this.#stops = fanOut(this.#stop.signal);
  }

  async run(): Promise<UnassignReport> {
    const stopGently = () => this.#stop.abort();
    if (this.#callerStop?.aborted) stopGently();
    else this.#callerStop?.addEventListener("abort", stopGently, { once: true });
    try {
      const workers = Math.max(1, Math.min(this.#config.concurrency, this.#queue.length));
      await Promise.all(Array.from({ length: workers }, () => this.#work()));
    } finally {
      this.#callerStop?.removeEventListener("abort", stopGently);
      this.#aborts.close();
      this.#stops.close();
    }
    if (this.#unexpected) throw this.#unexpected.error;
    this.#ledger.settleRemaining();
    const report = this.#ledger.report();
    const failure = this.#ledger.handlerFailure;
    if (failure) throw new ProgressHandlerError(failure.error, report);
    return report;
  }

  get #running(): boolean {
    return !this.#stop.signal.aborted && !this.#signal?.aborted;
  }

  async #work(): Promise<void> {
    for (let batch = this.#queue.shift(); batch && this.#running; batch = this.#queue.shift()) {
      try {
        await this.#sendAndSettle(batch, false);
      } catch (error) {
        if (error !== this.#ledger.handlerFailure?.error) this.#unexpected ??= { error };
        this.#stop.abort();
      }
    }
  }

  async #send(group: readonly string[]): Promise<RequestResult> {
    const request = unassignRequest(this.#config.baseUrl, group, this.#email);
    const abort = this.#aborts.follow();
    const stop = this.#stops.follow();
    try {
      return await this.#config.transport.send(request, {
        signal: abort.signal,
        stop: stop.signal,
        onAttempt: (attempt) => this.#ledger.sending(group, attempt),
        onAttemptEnd: (attempt, outcome) => this.#ledger.attempted(group, attempt, attemptFacts(outcome)),
      });
    } finally {
      abort.release();
      stop.release();
    }
  }

  /** Sends one group and settles what the answer allows; a multi-id 400 is handed to isolation. */
  async #sendAndSettle(group: readonly string[], isolating: boolean): Promise<GroupResult> {
    const result = await this.#send(group);
    const ledger = this.#ledger;
    switch (result.kind) {
      case "aborted":
      case "stopped":
        // Its ids settle when the run ends (in doubt if maybe processed); an earlier attempt's failure is reported.
        if (result.earlier) ledger.recordError(result.earlier, group);
        return "other";
      case "answered": {
        const answer = readUnassignAnswer(result.bodyText);
        if (answer === null) {
          ledger.markInDoubt(group);
          const invalid = new GongInvalidResponseError(
            "Gong answered 200 with a body that does not match the spec",
            { status: result.response.status, requestId: result.requestId },
          );
          ledger.settle(group, "unknown", ledger.recordError(invalid, group));
          return "other";
        }
        const listed = new Set(answer.unassignedFlowInstanceIds);
        ledger.settle(
          group.filter((id) => listed.has(id)),
          "unassigned",
        );
        ledger.settle(
          group.filter((id) => !listed.has(id)),
          "notUnassigned",
        );
        return "listed";
      }
      case "failed": {
        const { error } = result;
        const entry = ledger.recordError(error, group);
        switch (error.kind) {
          case "bad_request":
            if (group.length === 1) ledger.settle(group, "rejected", entry);
            else if (isolating) await this.#isolate(group);
            else await this.#isolateInTurn(group);
            return "refused";
          case "server":
          case "timeout":
          case "invalid_response":
            ledger.settle(group, "unknown", entry);
            return "other";
          default:
            // 401/403, other statuses, 429 past its retries, a limiter stop, an unreachable server: nothing more
            // is sent.
            this.#stop.abort();
            ledger.settle(group, "skipped", entry);
            return "other";
        }
      }
    }
  }

  #isolateInTurn(group: readonly string[]): Promise<void> {
    const turn = this.#isolationTurn.then(() => this.#isolate(group));
    this.#isolationTurn = turn.catch(() => undefined);
    return turn;
  }

  /**
   * `group` got a 400, so it holds at least one refused id. Split it and re-send the halves. When the left half
   * goes through, the right half must hold the refused id: split it further without paying for a request whose
   * answer is already known (a single id is still sent, since only Gong's own 400 makes it `rejected`).
   */
  async #isolate(group: readonly string[]): Promise<void> {
    const [left, right] = splitInHalves(group);
    const leftResult = await this.#sendPart(left);
    if (leftResult === "listed" && right.length > 1) await this.#isolate(right);
    else await this.#sendPart(right);
  }

  /** Sends a part of a refused request, within the run's isolation budget. */
  async #sendPart(group: readonly string[]): Promise<GroupResult> {
    if (!this.#running) return "other";
    if (this.#isolationBudget <= 0) {
      this.#ledger.settle(group, "skipped");
      return "other";
    }
    this.#isolationBudget--;
    return this.#sendAndSettle(group, true);
  }
}
