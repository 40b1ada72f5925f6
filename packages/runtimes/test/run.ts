import { execFile } from "node:child_process";

export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd?: string;
}

/** Quiet, offline-minded runtimes: no colours in the output we parse, no update checks, no telemetry. */
const ENV = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", DO_NOT_TRACK: "1" };

/** Runs a command to its end; a non-zero exit rejects with everything it printed. */
export function run(command: Command, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command.file,
      [...command.args],
      { cwd: command.cwd, env: ENV, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const how = error.killed ? `killed after ${timeoutMs} ms` : `exit ${String(error.code)}`;
          reject(
            new Error(`${[command.file, ...command.args].join(" ")} failed (${how}):\n${stdout}${stderr}`),
          );
        } else resolve(stdout);
      },
    );
  });
}
