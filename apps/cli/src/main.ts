import {
  createGongFlowsClient,
  emailProblem,
  normalizeBaseUrl,
  planBatches,
  type UnassignReport,
} from "@gong-flows/client";
import { type Command, parseCommand, type UnassignArgs } from "./args.js";
import { credentialsFromEnv } from "./credentials.js";
import { MAIN_HELP, UNASSIGN_HELP } from "./help.js";
import { collectIds } from "./ids.js";
import { exitCodeOf, renderSummary } from "./render.js";
import { UsageError } from "./usage-error.js";
import { CLI_VERSION } from "./version.js";

/** What the CLI touches of the outside world, injected so tests and the bin share one code path. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
  /** Aborted when the user asks to stop (SIGINT/SIGTERM). */
  readonly signal?: AbortSignal;
}

/** Runs the CLI and returns its exit code: 0 all unassigned, 1 not all, 2 usage or input error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    return await run(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`gong-flows: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`gong-flows: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}

async function run(command: Command, io: CliIo): Promise<number> {
  switch (command.kind) {
    case "help":
      io.stdout.write(command.topic === "unassign" ? UNASSIGN_HELP : MAIN_HELP);
      return 0;
    case "version":
      io.stdout.write(`${CLI_VERSION}\n`);
      return 0;
    case "unassign":
      return unassign(command, io);
  }
}

async function unassign(args: UnassignArgs, io: CliIo): Promise<number> {
  const ids = await collectIds(args.ids, args.files, io.readStdin);
  if (args.unassignedBy !== undefined) {
    const problem = emailProblem(args.unassignedBy);
    if (problem) throw new UsageError(`--unassigned-by ${problem}`);
  }
  const baseUrl = resolveBaseUrl(args.baseUrl, io.env);
  if (args.dryRun) return dryRun(ids, args, io);

  const auth = credentialsFromEnv(io.env);
  let client: ReturnType<typeof createGongFlowsClient>;
  try {
    client = createGongFlowsClient({
      auth,
      baseUrl,
      requestsPerSecond: args.rps,
      maxRetries: args.maxRetries,
      timeoutMs: args.timeoutMs,
      batchSize: args.batchSize,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const report: UnassignReport = await client.unassignFlowInstances(ids, {
    ...(args.unassignedBy === undefined ? {} : { unassignedByUserEmail: args.unassignedBy }),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  io.stdout.write(args.json ? `${JSON.stringify(report)}\n` : renderSummary(report));
  return exitCodeOf(report);
}

function resolveBaseUrl(flag: string | undefined, env: CliIo["env"]): string | undefined {
  const value = flag ?? (env.GONG_BASE_URL === "" ? undefined : env.GONG_BASE_URL);
  if (value === undefined) return undefined;
  try {
    return normalizeBaseUrl(value);
  } catch (error) {
    const source = flag === undefined ? "GONG_BASE_URL" : "--base-url";
    throw new UsageError(`${source}: ${(error as Error).message.replace(/^baseUrl /, "")}`);
  }
}

function dryRun(ids: string[], args: UnassignArgs, io: CliIo): number {
  const plan = planBatches(ids, args.batchSize);
  const batches = plan.batches.map((batch) => batch.length);
  if (args.json) {
    const output = {
      dryRun: true,
      ids: plan.ids.length,
      duplicates: plan.duplicates,
      alreadySettled: 0,
      batches,
    };
    io.stdout.write(`${JSON.stringify(output)}\n`);
  } else {
    io.stdout.write(
      `Dry run: ${plan.ids.length} unique ids (${plan.duplicates} duplicates dropped) in ${batches.length} ` +
        `request${batches.length === 1 ? "" : "s"} of at most ${args.batchSize}; at ${args.rps} requests/s ` +
        `that takes at least ${Math.max(0, (batches.length - 1) / args.rps).toFixed(1)} s. Nothing was sent.\n`,
    );
  }
  return 0;
}
