import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/** How a child process ended, with everything it printed. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a Node script as a child process with only the given environment (plus PATH), as a user's shell would run
 * a built bin. Returns the child (to signal it) and its eventual result.
 */
export function spawnNodeScript(
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {},
): { child: ChildProcessWithoutNullStreams; result: Promise<ProcessResult> } {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? "", ...options.env },
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const result = new Promise<ProcessResult>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  child.stdin.end(options.stdin ?? "");
  return { child, result };
}
