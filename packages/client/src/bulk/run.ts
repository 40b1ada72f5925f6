import { setMaxListeners } from "node:events";
import { GongInvalidResponseError } from "../errors.js";
import type { Exchange, Transport } from "../transport/transport.js";
import { Ledger } from "./ledger.js";
import { planBatches, splitInHalves } from "./plan.js";
import { ProgressHandlerError } from "./progress-handler-error.js";
import type { ProgressEvent, UnassignReport } from "./report.js";
import { readUnassignedIds } from "./response-body.js";
import { validateEmail, validateIds } from "./validate.js";

export const UNASSIGN_PATH = "/v2/flows/prospects/unassign-flows-by-instance-id";

const utf8 = new TextEncoder();

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
  const ledger = new Ledger(plan.ids, plan.duplicates, possiblyProcessed, options.onProgress);
  const signal = ownSignal(options.signal);
  const stopSignal = ownSignal(options.stopSignal);
  let stopped = false;
  let isolationBudget = config.maxIsolationRequests;
  const running = () => !stopped && !ledger.handlerFailure && !signal?.aborted && !stopSignal?.aborted;

  const send = async (group: readonly string[]): Promise<Exchange> => {
    const body = JSON.stringify({
      flowInstanceIds: group,
      ...(email ? { unassignedByUserEmail: email } : {}),
    });
    const request = {
      method: "POST",
      url: `${config.baseUrl}${UNASSIGN_PATH}`,
      headers: { "content-type": "application/json" },
      body: utf8.encode(body).buffer,
    };
    const exchange = await config.transport.send(request, {
      signal,
      stopSignal,
      onAttempt: (attempt) => ledger.sending(group, attempt),
      onAttemptEnd: (attempt, result) => ledger.attempted(group, attempt, result),
      shouldContinue: () => !stopped && !ledger.handlerFailure,
    });
    return exchange;
  };

  // Isolations take turns: the shared budget then finishes one refused batch before starting on the next, instead
  // of leaving several half-isolated when it runs out.
  let isolationTurn: Promise<void> = Promise.resolve();
  const isolateInTurn = (group: readonly string[]): Promise<void> => {
    const turn = isolationTurn.then(() => isolate(group));
    isolationTurn = turn.catch(() => undefined);
    return turn;
  };

  /** Sends one group and settles what the answer allows; a multi-id 400 is handed to isolation. */
  const sendAndSettle = async (group: readonly string[], isolating = false): Promise<GroupResult> => {
    const exchange = await send(group);
    // Ended by an abort or a stop elsewhere: its ids settle when the run ends (in doubt if maybe processed), and
    // the failure an earlier attempt met is still reported.
    if (exchange.aborted || exchange.cancelled) {
      if (exchange.error) ledger.recordError(exchange.error, group);
      return "other";
    }
    const { error } = exchange;
    if (error === null) {
      const listed = readUnassignedIds(exchange.bodyText);
      if (listed === null) {
        ledger.markInDoubt(group);
        const invalid = new GongInvalidResponseError(
          "invalid_response",
          "Gong answered 200 with a body that does not match the spec",
          { status: exchange.response?.status ?? null, requestId: exchange.requestId },
        );
        ledger.settle(group, "unknown", ledger.recordError(invalid, group));
        return "other";
      }
      const listedSet = new Set(listed);
      ledger.settle(
        group.filter((id) => listedSet.has(id)),
        "unassigned",
      );
      ledger.settle(
        group.filter((id) => !listedSet.has(id)),
        "notUnassigned",
      );
      return "listed";
    }
    const entry = ledger.recordError(error, group);
    switch (error.kind) {
      case "bad_request":
        if (group.length === 1) ledger.settle(group, "rejected", entry);
        else if (isolating) await isolate(group);
        else await isolateInTurn(group);
        return "refused";
      case "server":
      case "timeout":
      case "invalid_response":
        ledger.settle(group, "unknown", entry);
        return "other";
      default:
        // 401/403, other statuses, 429 past its retries, an unreachable server: nothing more is sent.
        stopped = true;
        ledger.settle(group, "skipped", entry);
        return "other";
    }
  };

  /** Sends a part of a refused request, within the run's isolation budget. */
  const sendPart = async (group: readonly string[]): Promise<GroupResult> => {
    if (!running()) return "other";
    if (isolationBudget <= 0) {
      ledger.settle(group, "skipped");
      return "other";
    }
    isolationBudget--;
    return sendAndSettle(group, true);
  };

  /**
   * `group` got a 400, so it holds at least one refused id. Split it and re-send the halves. When the left half
   * goes through, the right half must hold the refused id: split it further without paying for a request whose
   * answer is already known (a single id is still sent, since only Gong's own 400 makes it `rejected`).
   */
  const isolate = async (group: readonly string[]): Promise<void> => {
    const [left, right] = splitInHalves(group);
    const leftResult = await sendPart(left);
    if (leftResult === "listed" && right.length > 1) await isolate(right);
    else await sendPart(right);
  };

  const queue = [...plan.batches];
  // A throwing onProgress (say, a journal that cannot be written) stops the run: nothing more is sent (a throw on
  // a `sending` event comes before its request leaves), requests in flight finish and settle, and the call rejects
  // with a ProgressHandlerError carrying the report.
  let unexpected: { error: unknown } | undefined;
  const worker = async () => {
    for (let batch = queue.shift(); batch && running(); batch = queue.shift()) {
      try {
        await sendAndSettle(batch);
      } catch (error) {
        if (error !== ledger.handlerFailure?.error) unexpected ??= { error };
        stopped = true;
      }
    }
  };
  const workers = Math.max(1, Math.min(config.concurrency, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (unexpected) throw unexpected.error;
  ledger.settleRemaining();
  const report = ledger.report();
  const failure = ledger.handlerFailure;
  if (failure) throw new ProgressHandlerError(failure.error, report);
  return report;
}

/**
 * A private follower of the caller's signal. Every concurrent wait listens to it, which would trip Node's
 * "possible leak" warning at 10 listeners; the listeners are removed after each wait, so the limit is lifted here
 * rather than on the caller's signal.
 */
function ownSignal(source: AbortSignal | undefined): AbortSignal | undefined {
  if (source === undefined) return undefined;
  const follower = AbortSignal.any([source]);
  setMaxListeners(1_000, follower);
  return follower;
}
