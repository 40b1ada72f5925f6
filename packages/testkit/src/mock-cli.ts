#!/usr/bin/env node
import { parseArgs } from "node:util";
// `pnpm mock [--port N]`: Prism on the spec on 127.0.0.1, for trying requests by hand; Ctrl-C stops it quietly.
import { startPrism } from "@gong-flows/fake/prism";

const HELP = `Usage: pnpm mock [--port N]

Prism (mock mode) on the spec, on 127.0.0.1:N (default 4010). Ctrl-C stops it.
`;

let port = 4010;
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
    port = Number(values.port);
  }
} catch (error) {
  process.stderr.write(`pnpm mock: ${(error as Error).message.split("\n")[0]}\n\n${HELP}`);
  process.exit(2);
}

let stopping = false;
const stopped = new Promise<void>((resolve) => {
  const stop = () => {
    stopping = true;
    resolve();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
try {
  const prism = await startPrism({ port, onOutput: (text) => process.stdout.write(text) });
  await stopped;
  await prism.stop();
  process.exit(0);
} catch (error) {
  if (stopping) process.exit(0);
  process.stderr.write(`pnpm mock: ${(error as Error).message}\n`);
  process.exit(1);
}
