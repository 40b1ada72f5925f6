#!/usr/bin/env node
// `gong-flows-fake` (`pnpm fake` in the workspace): the stateful fake of Gong on loopback, for rehearsing CLI runs by hand.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { FAULT_SCRIPTS, type FaultScriptName } from "./faults.js";
import { makeIds, startFakeGong } from "./server.js";

const HELP = `Usage: gong-flows-fake [--ids N] [--stuck N] [--rps N] [--latency MS] [--faults NAME] [--write-ids FILE]
                 [--require-credentials]

A stateful fake of Gong's unassign endpoint on 127.0.0.1 (a free port, printed). It serves N ids
(234599484800000 upwards), the first --stuck of them exist but are never unassigned; any other id fails its
whole request with 400, as Gong does.

  --ids N                 ids that exist (default 1000)
  --stuck N               of those, how many can never be removed (default 0)
  --rps N                 the company's limit: 429 with Retry-After beyond it (default: no limit)
  --latency MS            delay before every answer (default 0)
  --faults NAME           ${Object.keys(FAULT_SCRIPTS).join(", ")} (default none)
  --write-ids FILE        write the ids, one per line, to FILE (relative to where you ran pnpm)
  --require-credentials   accept only the credentials in GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET or
                          GONG_BEARER_TOKEN (default: any well-formed Basic or Bearer header)
`;

function fail(message: string): never {
  process.stderr.write(`gong-flows-fake: ${message}\n\n${HELP}`);
  process.exit(2);
}

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) fail(`${flag} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    options: {
      ids: { type: "string" },
      stuck: { type: "string" },
      rps: { type: "string" },
      latency: { type: "string" },
      faults: { type: "string", default: "none" },
      "write-ids": { type: "string" },
      "require-credentials": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  fail((error as Error).message.split("\n")[0] ?? "bad arguments");
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const count = wholeNumber("--ids", values.ids, 1000);
const stuckCount = wholeNumber("--stuck", values.stuck, 0);
if (stuckCount > count) fail(`--stuck ${stuckCount} is more than --ids ${count}`);
const latencyMs = wholeNumber("--latency", values.latency, 0);
const rps = values.rps === undefined ? null : Number(values.rps);
if (rps !== null && !(rps > 0))
  fail(`--rps must be a number greater than 0, got ${JSON.stringify(values.rps)}`);
const faults = values.faults as FaultScriptName;
if (!(faults in FAULT_SCRIPTS)) fail(`--faults must be one of: ${Object.keys(FAULT_SCRIPTS).join(", ")}`);
let authorization: string | undefined;
if (values["require-credentials"]) {
  // The same variables as the CLI; the client is not imported here, since its tests depend on this package.
  const { GONG_ACCESS_KEY: key, GONG_ACCESS_KEY_SECRET: secret, GONG_BEARER_TOKEN: token } = process.env;
  if (token) authorization = `Bearer ${token}`;
  else if (key && secret) authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
  else fail("--require-credentials needs GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN");
}

const ids = makeIds(count);
const stuck = ids.slice(0, stuckCount);
const fake = await startFakeGong({
  assigned: ids.slice(stuck.length),
  stuck,
  requestsPerSecond: rps,
  latencyMs,
  faults,
  ...(authorization ? { authorization } : {}),
});
if (values["write-ids"]) {
  // pnpm runs this in the package folder; INIT_CWD is where the user typed the command.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), values["write-ids"]);
  writeFileSync(file, `${ids.join("\n")}\n`);
  process.stdout.write(`Wrote the ${ids.length} ids to ${file}\n`);
}
const range = count === 0 ? "no ids" : `${count} ids, ${ids[0]} to ${ids.at(-1)}`;
process.stdout.write(
  `Fake Gong listening on ${fake.url}: ${range} (${stuckCount} stuck), ` +
    `${rps === null ? "no rate limit" : `limit ${rps} req/s`}, faults ${faults}, ` +
    `${authorization ? "only the GONG_* credentials accepted" : "any credentials accepted"}. Ctrl-C to stop.\n`,
);
const stop = () => {
  process.stdout.write(`Fake Gong served ${fake.requests.length} requests.\n`);
  void fake.stop().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
