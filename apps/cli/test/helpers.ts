import { fileURLToPath } from "node:url";
import { type ProcessResult, spawnNodeScript } from "@gong-flows/testkit";
import { inject } from "vitest";

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
export const CREDENTIALS = {
  GONG_ACCESS_KEY: "cli-test-access-key",
  GONG_ACCESS_KEY_SECRET: "cli-test-secret-value",
};

export type CliResult = ProcessResult;

export interface CliOptions {
  env?: Record<string, string>;
  stdin?: string;
  cwd?: string;
}

/** Runs the built CLI as a child process, with only the environment given (plus PATH). */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return spawnCli(args, options).result;
}

/** Starts the built CLI and hands back the child (to signal it) and its eventual result. */
export function spawnCli(args: readonly string[], options: CliOptions = {}) {
  return spawnNodeScript(BIN, args, options);
}

/** Resolves once `condition` holds, checking every few milliseconds. */
export async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("waitFor: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const prismUrl = (): string => inject("prismUrl");

/** The line every sending command writes to stderr first, naming its target. */
export const TARGET_LINE = /^gong-flows: target \S+ \([^\n]*\)\n/;

/** stderr without its leading target line (which must be there). */
export function withoutTarget(stderr: string): string {
  if (!TARGET_LINE.test(stderr)) throw new Error(`stderr does not start with the target line:\n${stderr}`);
  return stderr.replace(TARGET_LINE, "");
}
