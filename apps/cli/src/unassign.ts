import {
  createGongFlowsClient,
  type GongFlowsClient,
  type GongFlowsClientOptions,
  GongInputError,
  type Outcome,
  ProgressHandlerError,
  type UnassignReport,
} from "@gong-flows/client";
import { type BatchPlan, emailProblem, planBatches } from "@gong-flows/client/node";
import type { UnassignArgs } from "./args.js";
import { credentialsFromEnv } from "./credentials.js";
import { collectIds } from "./ids.js";
import { FLOW_INSTANCE_IDS } from "./input/id-kinds.js";
import type { CliIo } from "./io.js";
import { bindingOf } from "./journal/format.js";
import { JournalWriteError, openJournal, readJournal } from "./journal/journal.js";
import { emptyRun, mergeReports } from "./journal/merge.js";
import { printable, terminalSafeJson } from "./printable.js";
import { createProgressLine } from "./progress.js";
import { exitCodeOf, renderSummary } from "./render.js";
import { describeTarget, resolveTarget, type Target } from "./target.js";
import { UsageError } from "./usage-error.js";

/** `gong-flows unassign`: ids → client → journal → report, and the exit code. */
export async function unassign(args: UnassignArgs, io: CliIo): Promise<number> {
  const ids = await collectIds(args.ids, args.files, io.readStdin, {
    kind: FLOW_INSTANCE_IDS,
    column: args.column,
  });
  if (args.unassignedBy !== undefined) {
    const problem = emailProblem(args.unassignedBy);
    if (problem) throw new UsageError(`--unassigned-by ${problem}`);
  }
  const target = resolveTarget(args.baseUrl, io.env);
  const baseUrl = target.baseUrl;
  const plan = planBatches(ids, args.batchSize);
  const binding = bindingOf(baseUrl, args.unassignedBy, plan.ids);
  if (args.dryRun) {
    const settled = args.journal ? readJournal(args.journal, binding).settled : new Map();
    return dryRun(plan, args, target, io, settled);
  }

  const client = createClient(args, baseUrl, io);
  const journal = args.journal ? openJournal(args.journal, binding) : null;
  io.stderr.write(`gong-flows: ${describeTarget(target, io.env)}\n`);
  try {
    const settledBefore = journal?.state.settled ?? new Map();
    const toSend = plan.ids.filter((id) => !settledBefore.has(id));
    if (settledBefore.size > 0)
      io.stderr.write(`gong-flows: ${describeResume(settledBefore, plan.ids.length)}\n`);
    const progress =
      io.stderr.isTTY && !args.quiet
        ? createProgressLine(io.stderr, {
            ids: toSend.length,
            batches: Math.ceil(toSend.length / args.batchSize),
            requestsPerSecond: args.rps,
          })
        : null;
    let journalFailure: JournalWriteError | undefined;
    let thisRun: UnassignReport = emptyRun();
    if (toSend.length > 0) {
      try {
        thisRun = await client.unassignFlowInstances(toSend, {
          ...(args.unassignedBy === undefined ? {} : { unassignedByUserEmail: args.unassignedBy }),
          ...(io.stopSignal ? { stopSignal: io.stopSignal } : {}),
          possiblyProcessed: journal?.state.possiblyProcessed ?? [],
          onProgress: (event) => {
            journal?.record(event);
            progress?.onProgress(event);
          },
        });
      } catch (error) {
        // The journal could not be written: the run stopped before its next request, and the report still counts.
        if (!(error instanceof ProgressHandlerError && error.cause instanceof JournalWriteError)) throw error;
        journalFailure = error.cause;
        thisRun = error.report;
      }
    }
    progress?.finish();
    const report = mergeReports(plan.ids, settledBefore, thisRun, plan.duplicates);
    const stopped = io.stopSignal?.aborted === true;
    io.stdout.write(args.json ? `${terminalSafeJson(report)}\n` : renderSummary(report, { stopped }));
    if (journalFailure) {
      io.stderr.write(
        `gong-flows: ${printable(journalFailure.message)}: the run stopped before sending anything more, and the report ` +
          "accounts for every id. Free space (or fix the disk), then re-run with the same --journal\n",
      );
      return 1;
    }
    return exitCodeOf(report);
  } finally {
    journal?.close();
  }
}

function createClient(args: UnassignArgs, baseUrl: string, io: CliIo): GongFlowsClient {
  const auth = credentialsFromEnv(io.env);
  const debug = io.env.GONG_FLOWS_DEBUG === "1";
  try {
    return createGongFlowsClient({
      auth,
      baseUrl,
      requestsPerSecond: args.rps,
      maxRetries: args.maxRetries,
      timeoutMs: args.timeoutMs,
      batchSize: args.batchSize,
      maxIsolationRequests: args.maxIsolationRequests,
      ...(debug
        ? {
            onRequest: (request) =>
              io.stderr.write(
                `gong-flows: debug: ${request.method} ${request.url} attempt ${request.attempt} ${JSON.stringify(request.headers)}\n`,
              ),
          }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof GongInputError)) throw error;
    const flag = FLAG_OF[error.field as keyof GongFlowsClientOptions];
    throw new UsageError(flag ? `${flag}: ${error.message}` : error.message);
  }
}

/** The flag each client option comes from, to name it when the client refuses a value. */
const FLAG_OF: Partial<Record<keyof GongFlowsClientOptions, string>> = {
  baseUrl: "--base-url",
  requestsPerSecond: "--rps",
  maxRetries: "--max-retries",
  timeoutMs: "--timeout-ms",
  batchSize: "--batch-size",
  maxIsolationRequests: "--max-isolation-requests",
};

function dryRun(
  plan: BatchPlan,
  args: UnassignArgs,
  target: Target,
  io: CliIo,
  settled: ReadonlyMap<string, unknown>,
): number {
  const alreadySettled = settled.size;
  const toSend = plan.ids.filter((id) => !settled.has(id));
  const batches = planBatches(toSend, args.batchSize).batches.map((batch) => batch.length);
  if (args.json) {
    const output = {
      dryRun: true,
      baseUrl: target.baseUrl,
      ids: plan.ids.length,
      duplicates: plan.duplicates,
      alreadySettled,
      batches,
    };
    io.stdout.write(`${terminalSafeJson(output)}\n`);
    return 0;
  }
  const seconds = Math.max(0, (batches.length - 1) / args.rps);
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `Dry run: ${count(plan.ids.length, "unique id")}`,
    plan.duplicates > 0 ? ` (${count(plan.duplicates, "duplicate")} dropped)` : "",
    args.journal ? `, ${alreadySettled} already settled in the journal` : "",
    `; ${count(batches.length, "request")} of at most ${args.batchSize} ids`,
    batches.length > 1 ? `; at ${args.rps} requests/s that takes at least ${seconds.toFixed(1)} s` : "",
    ". Nothing was sent.\n",
    `It would be sent to the ${describeTarget(target, io.env)}.\n`,
  ];
  io.stdout.write(parts.join(""));
  return 0;
}

/** What a resumed run starts from: how many ids the journal already settled, and how. */
export function describeResume(settled: ReadonlyMap<string, Outcome>, total: number): string {
  const counts = new Map<Outcome, number>();
  for (const outcome of settled.values()) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  const how = [...counts].map(([outcome, count]) => `${count} ${OUTCOME_WORDS[outcome]}`).join(", ");
  const left = total - settled.size;
  return (
    `resuming: the journal already settled ${settled.size} of ${total} ids (${how}); ` +
    (left === 0 ? "nothing is left to send" : `${left} ${left === 1 ? "id is" : "ids are"} left to send`)
  );
}

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  unassigned: "unassigned",
  notUnassigned: "not unassigned",
  rejected: "rejected",
  unknown: "unknown",
  skipped: "skipped",
};
