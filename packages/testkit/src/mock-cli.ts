#!/usr/bin/env node
// `pnpm mock [--port N]`: Prism on the spec on 127.0.0.1, for trying requests by hand; Ctrl-C stops it quietly.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { prismBin, specPath } from "./prism.js";

const HELP = `Usage: pnpm mock [--port N]

Prism (mock mode) on the spec, on 127.0.0.1:N (default 4010). Ctrl-C stops it.
`;

let port = "4010";
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { port: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) {
      throw new Error(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    }
    port = values.port;
  }
} catch (error) {
  process.stderr.write(`pnpm mock: ${(error as Error).message.split("\n")[0]}\n\n${HELP}`);
  process.exit(2);
}

const prism = spawn(process.execPath, [prismBin, "mock", "--host", "127.0.0.1", "--port", port, specPath], {
  stdio: "inherit",
});
let stopping = false;
const stop = () => {
  // Ctrl-C reaches Prism too (same process group); a SIGTERM sent to this process alone is passed on.
  stopping = true;
  prism.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
prism.on("exit", (code) => process.exit(stopping ? 0 : (code ?? 1)));
