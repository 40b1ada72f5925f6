#!/usr/bin/env node
import { readIdSource } from "./input.js";
import { main } from "./main.js";
import { UsageError } from "./usage-error.js";

const controller = new AbortController();
let interrupts = 0;
const stop = (signal: NodeJS.Signals) => {
  interrupts++;
  // A second Ctrl-C means "now": the report so far is not waited for.
  if (interrupts > 1) process.exit(130);
  process.stderr.write(
    `\ngong-flows: ${signal}: stopping after the requests in flight (again to quit now)\n`,
  );
  controller.abort(new Error(`stopped by ${signal}`));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// A reader that went away (`gong-flows … | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 1);
    throw error;
  });
}

const code = await main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: async () => {
    const bytes = await readIdSource(process.stdin, "standard input");
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError("standard input is not valid UTF-8 text; send it as UTF-8");
    }
  },
  stopSignal: controller.signal,
});
process.exitCode = code;
