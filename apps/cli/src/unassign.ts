import {
  createGongFlowsClient,
  type GongAuth,
  type GongFlowsClient,
  type GongFlowsClientOptions,
  GongInputError,
  type Limiter,
  ProgressHandlerError,
  type UnassignReport,
} from "@gong-flows/client";
import {
  type BatchPlan,
  DEFAULT_BASE_URL,
  emailProblem,
  normalizeBaseUrl,
  planBatches,
} from "@gong-flows/client/node";
import type { UnassignArgs } from "./args.js";
import { credentialsFromEnv } from "./credentials.js";
import { collectIds } from "./ids.js";
import type { CliIo } from "./io.js";
import { bindingOf, journalKey } from "./journal/format.js";
import { JournalWriteError, openJournal, readJournal } from "./journal/journal.js";
import { emptyRun, mergeReports } from "./journal/merge.js";
import { printable, terminalSafeJson } from "./printable.js";
import { createProgressLine } from "./progress.js";
import { exitCodeOf, renderSummary } from "./render.js";
import { openSharedLimiter } from "./shared-limiter.js";
import { stopNote } from "./stop-note.js";
import { UsageError } from "./usage-error.js";

/** `gong-flows unassign`: ids → client → journal → report, and the exit code. */
export async function unassign(args: UnassignArgs, io: CliIo): Promise<number> {
  const ids = await collectIds(args.ids, args.files, io.readStdin);
  if (args.unassignedBy !== undefined) {
    const problem = emailProblem(args.unassignedBy);
    if (problem) throw new UsageError(`--unassigned-by ${problem}`);
  }
  const baseUrl = resolveBaseUrl(args.baseUrl, io.env);
  const plan = planBatches(ids, args.batchSize);
  const binding = bindingOf(baseUrl, args.unassignedBy, plan.ids);
  if (args.dryRun)
    return dryRun(plan, args, io, args.journal ? dryRunJournal(args.journal, binding, io) : null);

  const limiter = await openSharedLimiter(args, baseUrl, io.env);
  try {
    return await send(plan, binding, args, baseUrl, io, limiter);
  } finally {
    await limiter?.close();
  }
}

async function send(
  plan: BatchPlan,
  binding: ReturnType<typeof bindingOf>,
  args: UnassignArgs,
  baseUrl: string,
  io: CliIo,
  limiter: Limiter | null,
): Promise<number> {
  const auth = credentialsFromEnv(io.env);
  const client = createClient(args, baseUrl, auth, io, limiter);
  const journal = args.journal ? openJournal(args.journal, binding, journalKey(auth)) : null;
  try {
    const settledBefore = journal?.state.settled ?? new Map();
    const toSend = plan.ids.filter((id) => !settledBefore.has(id));
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
    io.stdout.write(args.json ? `${terminalSafeJson(report)}\n` : renderSummary(report));
    const note = stopNote(report, {
      journal: args.journal !== undefined,
      dailyLimit: args.dailyLimit,
      shared: limiter !== null,
    });
    if (note) io.stderr.write(`gong-flows: ${note}\n`);
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

function createClient(
  args: UnassignArgs,
  baseUrl: string,
  auth: GongAuth,
  io: CliIo,
  limiter: Limiter | null,
): GongFlowsClient {
  const debug = io.env.GONG_FLOWS_DEBUG === "1";
  try {
    return createGongFlowsClient({
      auth,
      baseUrl,
      // A shared limiter holds the rate and the daily limit itself (it was given both).
      ...(limiter ? { limiter } : { requestsPerSecond: args.rps, dailyRequestLimit: args.dailyLimit }),
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
  dailyRequestLimit: "--daily-limit",
  maxRetries: "--max-retries",
  timeoutMs: "--timeout-ms",
  batchSize: "--batch-size",
  maxIsolationRequests: "--max-isolation-requests",
};

function resolveBaseUrl(flag: string | undefined, env: CliIo["env"]): string {
  const fromEnv = env.GONG_BASE_URL === "" ? undefined : env.GONG_BASE_URL;
  const value = flag ?? fromEnv ?? DEFAULT_BASE_URL;
  const source = flag === undefined ? "GONG_BASE_URL" : "--base-url";
  if (/^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i.test(value)) {
    throw new UsageError(
      `${source} must not contain credentials; set GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET or GONG_BEARER_TOKEN instead`,
    );
  }
  try {
    return normalizeBaseUrl(value);
  } catch (error) {
    if (!(error instanceof GongInputError)) throw error;
    throw new UsageError(`${source}: ${error.message}`);
  }
}

/** What a dry run learns from a journal: its settled ids when the credentials verify it, or that it could not. */
type DryRunJournal =
  | { readonly verified: true; readonly settled: ReadonlyMap<string, unknown> }
  | { readonly verified: false };

const CREDENTIAL_VARIABLES = ["GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"];

/**
 * A dry run needs no credentials. With them, the journal is verified as a real run would and its settled ids are
 * left out of the plan; without them its chain cannot be checked (anyone can write one), so it is only checked to
 * be a journal of this job and the plan treats nothing as settled.
 */
function dryRunJournal(path: string, binding: ReturnType<typeof bindingOf>, io: CliIo): DryRunJournal {
  if (!CREDENTIAL_VARIABLES.some((name) => io.env[name])) {
    readJournal(path, binding, null);
    return { verified: false };
  }
  const key = journalKey(credentialsFromEnv(io.env));
  return { verified: true, settled: readJournal(path, binding, key).settled };
}

function dryRun(plan: BatchPlan, args: UnassignArgs, io: CliIo, journal: DryRunJournal | null): number {
  const settled: ReadonlyMap<string, unknown> = journal?.verified ? journal.settled : new Map();
  const alreadySettled = settled.size;
  const toSend = plan.ids.filter((id) => !settled.has(id));
  const batches = planBatches(toSend, args.batchSize).batches.map((batch) => batch.length);
  if (args.json) {
    const output = {
      dryRun: true,
      ids: plan.ids.length,
      duplicates: plan.duplicates,
      alreadySettled,
      ...(journal ? { journalVerified: journal.verified } : {}),
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
    journal?.verified ? `, ${alreadySettled} already settled in the journal` : "",
    journal && !journal.verified
      ? ", the journal not verified (no credentials set), so nothing in it is counted as settled"
      : "",
    `; ${count(batches.length, "request")} of at most ${args.batchSize} ids`,
    batches.length > 1 ? `; at ${args.rps} requests/s that takes at least ${seconds.toFixed(1)} s` : "",
    ". Nothing was sent.\n",
  ];
  io.stdout.write(parts.join(""));
  return 0;
}
