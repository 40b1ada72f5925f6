import { GongInputError } from "@gong-flows/client";
import { createRedactor } from "@gong-flows/client/node";
import { type Command, HELP, parseCommand } from "./args.js";
import { credentialsFromEnv, type Env, secretsOf } from "./credentials.js";
import { formatHeading, formatResult, formatSummary } from "./report.js";
import { runContract } from "./run.js";
import { UsageError } from "./usage-error.js";
import { VERSION } from "./version.js";

/** Where the command writes; the process's streams in the bin, buffers in tests. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The whole command: parse, run, print. Resolves to the exit code. */
export async function main(
  argv: readonly string[],
  env: Env,
  out: Output,
  signal?: AbortSignal,
): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    return usageFailure(error, out);
  }
  if (command.kind === "help") {
    out.stdout(HELP);
    return 0;
  }
  if (command.kind === "version") {
    out.stdout(`${VERSION}\n`);
    return 0;
  }
  // The self-test talks only to a local mock: real credentials are neither needed nor sent.
  let auth: ReturnType<typeof credentialsFromEnv> | undefined;
  try {
    auth = command.target === undefined ? undefined : credentialsFromEnv(env);
  } catch (error) {
    return usageFailure(error, out);
  }
  const redact = createRedactor(auth ? secretsOf(auth) : []);
  const print = (text: string) => out.stdout(redact(text));
  try {
    const report = await runContract({
      target: command.target,
      auth,
      writeIds: command.writeIds,
      requestsPerSecond: command.requestsPerSecond,
      timeoutMs: command.timeoutMs,
      onStart: (target, checks, probeId) => print(formatHeading(target, checks.length, probeId)),
      onResult: (result) => print(formatResult(result)),
      signal,
    });
    if (signal?.aborted) {
      out.stderr("Stopped before every check ran.\n");
      return 1;
    }
    print(formatSummary(report));
    return report.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof GongInputError) return usageFailure(error, out);
    out.stderr(redact(`gong-flows-contract: ${error instanceof Error ? error.message : String(error)}\n`));
    return 1;
  }
}

function usageFailure(error: unknown, out: Output): number {
  if (!(error instanceof UsageError || error instanceof GongInputError)) throw error;
  // The target's base URL is the one field a caller gives as a flag: name the flag.
  const flag = error instanceof GongInputError && error.field === "baseUrl" ? "--target: " : "";
  out.stderr(`gong-flows-contract: ${flag}${error.message}\nRun gong-flows-contract --help for usage.\n`);
  return 2;
}
