#!/usr/bin/env node
import { writeFileSync } from "node:fs";
// `gong-flows-fake` (`pnpm fake` in the workspace): the stateful fake of Gong on loopback.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { HELP, parseFakeCommand, UsageError } from "./args.js";
import { startFakeGong } from "./server.js";

let command: ReturnType<typeof parseFakeCommand>;
try {
  command = parseFakeCommand(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`gong-flows-fake: ${error.message}\nRun gong-flows-fake --help for usage.\n`);
  process.exit(2);
}
if (command.kind === "help") {
  process.stdout.write(HELP);
  process.exit(0);
}
if (command.kind === "version") {
  process.stdout.write(
    `${(createRequire(import.meta.url)("../package.json") as { version: string }).version}\n`,
  );
  process.exit(0);
}

let fake: Awaited<ReturnType<typeof startFakeGong>>;
try {
  fake = await startFakeGong(command.options);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  const reason =
    code === "EADDRINUSE" ? `port ${command.options.port} is in use; pick another --port` : message;
  process.stderr.write(`gong-flows-fake: cannot listen: ${reason}\n`);
  process.exit(1);
}
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`Fake Gong served ${fake.requests.length} requests.\n`);
  void fake.stop().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

// pnpm runs scripts in the package folder; INIT_CWD is where the user typed the command.
const where = (file: string) => resolve(process.env.INIT_CWD ?? process.cwd(), file);
for (const [file, ids, what] of [
  [command.writeIds, command.ids, "flow instance ids"],
  [command.writeCrmIds, command.crmProspectIds, "CRM prospect ids"],
] as const) {
  if (!file) continue;
  writeFileSync(where(file), ids.length > 0 ? `${ids.join("\n")}\n` : "");
  process.stdout.write(`Wrote the ${ids.length} ${what} to ${where(file)}\n`);
}
process.stdout.write(`Fake Gong listening on ${fake.url}: ${command.describe}. Ctrl-C to stop.\n`);
