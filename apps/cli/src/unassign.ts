import {
  createGongFlowsClient,
  type GongFlowsClient,
  type GongFlowsClientOptions,
  GongInputError,
  type Limiter,
  type Outcome,
  ProgressHandlerError,
  type UnassignReport,
} from "@gong-flows/client";
import { type BatchPlan, emailProblem, planBatches } from "@gong-flows/client/node";
import type { UnassignArgs } from "./args.js";
import { count } from "./count.js";
import { credentialsFromEnv } from "./credentials.js";
import { dryRun } from "./dry-run.js";
import { collectCommandIds } from "./ids.js";
import { checkFlowIds } from "./input/id-kinds.js";
import type { CliIo } from "./io.js";
import { bindingOf, journalKey } from "./journal/format.js";
import { JournalWriteError, openJournal } from "./journal/journal.js";
import { emptyRun, mergeReports } from "./journal/merge.js";
import { printable, terminalSafeJson } from "./printable.js";
import { createProgressLine } from "./progress.js";
import { exitCodeOf, renderSummary } from "./render.js";
import { openSharedLimiter } from "./shared-limiter.js";
import { stopNote } from "./stop-note.js";
import { describeTarget, resolveTarget, type Target } from "./target.js";
import { UsageError } from "./usage-error.js";

/** `gong-flows unassign`: ids (or CRM ids, looked up first) → client → journal → report, and the exit code. */
export async function unassign(args: UnassignArgs, io: CliIo): Promise<number> {
  const byCrm = args.crmIds !== undefined;
  const ids = await collectCommandIds(args, io.readStdin);
  if (args.unassignedBy !== undefined) {
    const problem = emailProblem(args.unassignedBy);
    if (problem) throw new UsageError(`--unassigned-by ${problem}`);
  }
  checkFlowIds(args.flows);
  const target = resolveTarget(args.baseUrl, io.env);
  const baseUrl = target.baseUrl;
  const plan = planBatches(ids, byCrm ? Number.MAX_SAFE_INTEGER : args.batchSize);
  // A --crm-ids job is bound to its CRM ids and flows; its journal records the flow instances it sends.
  const binding = bindingOf(
    baseUrl,
    args.unassignedBy,
    byCrm ? [...plan.ids.map((id) => `crm:${id}`), ...args.flows.map((flow) => `flow:${flow}`)] : plan.ids,
  );
  if (args.dryRun) return dryRun(plan, args, target, io, binding);

  const limiter = await openSharedLimiter(args, baseUrl, io.env);
  try {
    return await send(args, io, target, plan, binding, limiter);
  } finally {
    await limiter?.close();
  }
}

/** The job once nothing is left to check: the client, the journal, then the lookups (--crm-ids) and the run. */
async function send(
  args: UnassignArgs,
  io: CliIo,
  target: Target,
  plan: BatchPlan,
  binding: ReturnType<typeof bindingOf>,
  limiter: Limiter | null,
): Promise<number> {
  const byCrm = args.crmIds !== undefined;
  const client = createClient(args, target.baseUrl, io, limiter);
  const journal = args.journal
    ? openJournal(args.journal, binding, journalKey(credentialsFromEnv(io.env)))
    : null;
  io.stderr.write(`gong-flows: ${describeTarget(target, io.env)}\n`);
  try {
    if (!byCrm) return await runJob(args, io, client, journal, plan.ids, plan.duplicates, null, limiter);
    const found = await client.findFlowInstances(
      { crmProspectIds: plan.ids },
      args.flows.length > 0 ? { flowIds: args.flows } : {},
    );
    const failure = found.errors[0];
    if (failure) {
      io.stderr.write(
        `gong-flows: the flow instance lookup failed, so nothing was unassigned: ${printable(failure.message)}\n`,
      );
      return 1;
    }
    const open = found.instances.filter((instance) => OPEN_STATUSES.has(instance.flowInstanceStatus));
    const withOpen = new Set(open.map((instance) => instance.crmProspectId));
    const settled = journal?.state.settled ?? new Map<string, Outcome>();
    // The instances found open now, and those an earlier run of this job settled (no longer open, so not found).
    const jobIds = [...new Set([...open.map((instance) => instance.flowInstanceId), ...settled.keys()])];
    const prospects = {
      instances: open.map(({ crmProspectId, flowId, flowName, flowInstanceId }) => ({
        crmProspectId,
        flowId,
        flowName,
        flowInstanceId,
      })),
      withoutOpenInstances: plan.ids.filter((id) => !withOpen.has(id)),
    };
    io.stderr.write(
      `gong-flows: ${plan.ids.length} CRM ids: ${count(open.length, "open flow instance")} ` +
        `of ${withOpen.size} prospects found in ${count(found.requests, "lookup request")}; ` +
        `${prospects.withoutOpenInstances.length} without open instances\n`,
    );
    return await runJob(args, io, client, journal, jobIds, plan.duplicates, { found, prospects }, limiter);
  } finally {
    journal?.close();
  }
}

/** What a --crm-ids job adds to its report: the lookups' requests and the prospects. */
interface LookupPart {
  readonly found: { readonly requests: number; readonly requestIds: readonly string[] };
  readonly prospects: {
    readonly instances: readonly object[];
    readonly withoutOpenInstances: readonly string[];
  };
}

/** Sends the job's ids that the journal has not settled, and prints the report of the whole job. */
async function runJob(
  args: UnassignArgs,
  io: CliIo,
  client: GongFlowsClient,
  journal: ReturnType<typeof openJournal> | null,
  jobIds: readonly string[],
  duplicates: number,
  lookup: LookupPart | null,
  limiter: Limiter | null,
): Promise<number> {
  const settledBefore = journal?.state.settled ?? new Map<string, Outcome>();
  const toSend = jobIds.filter((id) => !settledBefore.has(id));
  if (settledBefore.size > 0)
    io.stderr.write(`gong-flows: ${describeResume(settledBefore, jobIds.length)}\n`);
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
  const merged = mergeReports(jobIds, settledBefore, thisRun, duplicates);
  const report =
    lookup === null
      ? merged
      : {
          ...merged,
          requests: lookup.found.requests + merged.requests,
          requestIds: [...lookup.found.requestIds, ...merged.requestIds],
          prospects: lookup.prospects,
        };
  const stopped = io.stopSignal?.aborted === true;
  io.stdout.write(args.json ? `${terminalSafeJson(report)}\n` : renderSummary(report, { stopped }));
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
}

/** Pending, Running, Paused: a prospect in one of these is still in the flow. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(["Pending", "Running", "Paused"]);

export function createClient(
  args: Pick<UnassignArgs, "rps" | "maxRetries" | "timeoutMs"> &
    Partial<Pick<UnassignArgs, "batchSize" | "maxIsolationRequests" | "dailyLimit">>,
  baseUrl: string,
  io: CliIo,
  limiter: Limiter | null = null,
): GongFlowsClient {
  const auth = credentialsFromEnv(io.env);
  const debug = io.env.GONG_FLOWS_DEBUG === "1";
  try {
    return createGongFlowsClient({
      auth,
      baseUrl,
      // A shared limiter holds the rate and the daily limit itself (it was given both).
      ...(limiter
        ? { limiter }
        : {
            requestsPerSecond: args.rps,
            ...(args.dailyLimit === undefined ? {} : { dailyRequestLimit: args.dailyLimit }),
          }),
      maxRetries: args.maxRetries,
      timeoutMs: args.timeoutMs,
      ...(args.batchSize === undefined ? {} : { batchSize: args.batchSize }),
      ...(args.maxIsolationRequests === undefined ? {} : { maxIsolationRequests: args.maxIsolationRequests }),
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
