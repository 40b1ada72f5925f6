import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type FakeGongOptions, startFakeGong } from "@gong-flows/fake";

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** Credentials the fakes accept; the secret must never appear in the kit's output. */
export const CREDENTIALS = {
  GONG_ACCESS_KEY: "k3y-contract-test",
  GONG_ACCESS_KEY_SECRET: "s3cr3t-contract-9f2c",
};
export const AUTH = {
  accessKey: CREDENTIALS.GONG_ACCESS_KEY,
  accessKeySecret: CREDENTIALS.GONG_ACCESS_KEY_SECRET,
};
export const AUTHORIZATION = `Basic ${Buffer.from(`${AUTH.accessKey}:${AUTH.accessKeySecret}`).toString("base64")}`;

/** The repo's fake of Gong, accepting exactly {@link CREDENTIALS}. */
export const startStrictFake = (options: FakeGongOptions = {}) =>
  startFakeGong({ credentials: [AUTH], ...options });

/** How a run of the kit ended. */
export interface KitResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `gong-flows-contract` with only the given environment (plus PATH), as a user's shell would. */
export function runKit(args: readonly string[], env: Record<string, string> = {}): Promise<KitResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

/** The output block of one check: its status line and the indented lines under it. */
export function blockOf(output: string, checkId: string): string {
  const lines = output.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^(PASS|FAIL|SKIP)  ${checkId} `).test(line));
  if (start < 0) return "";
  const end = lines.findIndex((line, i) => i > start && !line.startsWith("      "));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}
