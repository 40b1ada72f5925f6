#!/usr/bin/env node
// `pnpm fake`: the stateful fake of Gong on loopback, for rehearsing CLI runs by hand.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FAULT_SCRIPTS, type FaultScriptName } from "./fake/faults.js";
import { makeIds, startFakeGong } from "./fake/server.js";

const { values } = parseArgs({
  options: {
    ids: { type: "string", default: "1000" },
    stuck: { type: "string", default: "0" },
    rps: { type: "string" },
    latency: { type: "string", default: "0" },
    faults: { type: "string", default: "none" },
    "write-ids": { type: "string" },
  },
});
const faults = values.faults as FaultScriptName;
if (!(faults in FAULT_SCRIPTS)) {
  process.stderr.write(`--faults must be one of: ${Object.keys(FAULT_SCRIPTS).join(", ")}\n`);
  process.exit(2);
}
const ids = makeIds(Number(values.ids));
const stuck = ids.slice(0, Number(values.stuck));
const fake = await startFakeGong({
  assigned: ids.slice(stuck.length),
  stuck,
  requestsPerSecond: values.rps ? Number(values.rps) : null,
  latencyMs: Number(values.latency),
  faults,
});
if (values["write-ids"]) writeFileSync(values["write-ids"], `${ids.join("\n")}\n`);
process.stdout.write(
  `Fake Gong listening on ${fake.url}: ${ids.length} ids (${stuck.length} stuck), ` +
    `limit ${values.rps ?? "none"} req/s, faults ${faults}. Ctrl-C to stop.\n`,
);
const stop = () => {
  process.stdout.write(`Fake Gong served ${fake.requests.length} requests.\n`);
  void fake.stop().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
