// `pnpm bench`: every figure is a median over repeated runs next to its reference, measured in this same run.
import { cpus, loadavg } from "node:os";
import { bigJobRows } from "./big-jobs-rows.js";
import { CLIENT_MINIFIED_BUDGET, CLIENT_MINIFIED_TARGET, CLIENT_TOTAL_BUDGET } from "./budget.js";
import { type BulkScenario, measureBulk } from "./bulk.js";
import { measureCodegen } from "./codegen.js";
import { measurePerRequest, type PerRequest } from "./loopback.js";
import { bundleSize } from "./size.js";
import { measureStartup } from "./startup.js";
import { bytes, ms, type Row, renderTable, s, us } from "./table.js";

const quick = process.argv.includes("--quick");
// `pnpm bench --big-jobs`: only the rows of big jobs and shared limits (about 3 minutes).
const onlyBigJobs = process.argv.includes("--big-jobs");
const RUNS = quick
  ? { perRequestRounds: 5, requestsPerSample: 100, bulk: 1, startup: 5, codegen: 3 }
  : { perRequestRounds: 25, requestsPerSample: 200, bulk: 5, startup: 25, codegen: 9 };

// R = 20/s instead of Gong's default 3/s: the pacing and the fake's limiter scale with R, so the ratios carry
// over, while 100 requests take 5 s instead of 33 s. Timer jitter weighs more at 50 ms than at 333 ms, so a
// ratio met at 20/s is met at 3/s.
const RATE = 20;
const IDS = 20_000;
const SLOW_MS = 400;
const BATCH = 200;
const minimumRequests = Math.ceil(IDS / BATCH);
// Batches 7, 29, 48, 66 and 91, each at a different place (first, last, between): fixed, so the count repeats.
const NONEXISTENT = [7 * BATCH, 29 * BATCH + 61, 48 * BATCH + 117, 66 * BATCH + 150, 91 * BATCH + 199];

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
const within = (ratio: number, limit: number) => ratio <= limit;

const loadBefore = loadavg()[0] ?? 0;
const header = () => {
  const cpu = cpus();
  const loadAfter = loadavg()[0] ?? 0;
  return (
    `Node ${process.versions.node}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model ?? "cpu"}; ` +
    `load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after${quick ? "; --quick" : ""}\n\n`
  );
};
if (onlyBigJobs) {
  const rows = await bigJobRows(quick);
  process.stdout.write(`${header()}${renderTable(rows)}\n`);
  process.exit(0);
}
progress(
  `per-request overhead over loopback (${RUNS.perRequestRounds} × ${RUNS.requestsPerSample} requests)`,
);
const perRequest = await measurePerRequest(RUNS.perRequestRounds, RUNS.requestsPerSample);

const scenario = (latencyMs: number, nonexistent: readonly number[]): BulkScenario => ({
  ids: IDS,
  rate: RATE,
  latencyMs,
  nonexistent,
});
progress(`bulk: ${IDS} ids at ${RATE}/s, ${RUNS.bulk} runs each of three scenarios`);
const fast = await measureBulk(scenario(0, []), RUNS.bulk);
const slow = await measureBulk(scenario(SLOW_MS, []), RUNS.bulk);
const refused = await measureBulk(scenario(0, NONEXISTENT), RUNS.bulk);

progress(`CLI start-up (${RUNS.startup} runs)`);
const startup = await measureStartup(RUNS.startup);
progress("bundle sizes");
const client = await bundleSize("@gong-flows/client");
const openapiFetch = await bundleSize("openapi-fetch");
progress(`code generation (${RUNS.codegen} runs)`);
const codegen = await measureCodegen(RUNS.codegen);
const bigJobs = await bigJobRows(quick);

const floorMs = (requests: number) => (requests / RATE) * 1000;
const perRequestRows = (name: string, value: PerRequest["api"]): Row[] => {
  const { rawFetch, guardedFetch, openapiFetch } = perRequest;
  const cpuAgainst = (reference: string, cpu: number): Row => ({
    figure: `${name}: client CPU per request`,
    measured: us(value.cpu),
    reference: `${reference} ${us(cpu)}`,
    ratio: value.cpu / cpu,
    target: "",
    met: null,
  });
  return [
    {
      figure: `${name}: wall time per request`,
      measured: us(value.wall),
      reference: `raw fetch ${us(rawFetch.wall)}`,
      ratio: value.wall / rawFetch.wall,
      target: "≤ 1.10",
      met: within(value.wall / rawFetch.wall, 1.1),
    },
    {
      ...cpuAgainst("raw fetch", rawFetch.cpu),
      target: "≤ 1.10",
      met: within(value.cpu / rawFetch.cpu, 1.1),
    },
    cpuAgainst("bare openapi-fetch", openapiFetch.cpu),
    cpuAgainst("fetch + timeout signal + manual redirect", guardedFetch.cpu),
  ];
};
const bulkWallRow = (figure: string, wallMs: number, referenceMs: number, what: string): Row => ({
  figure,
  measured: s(wallMs),
  reference: `${what} ${s(referenceMs)}`,
  ratio: wallMs / referenceMs,
  target: "≤ 1.05",
  met: within(wallMs / referenceMs, 1.05),
});
const rateLimitedRow = (figure: string, count: number, runs: number): Row => ({
  figure: `${figure}: 429s met (all ${runs} runs)`,
  measured: String(count),
  reference: "",
  ratio: null,
  target: "0",
  met: count === 0,
});
const extra = refused.requests - minimumRequests;
const isolationFloor = NONEXISTENT.length * Math.ceil(Math.log2(BATCH));
const isolationContract = Math.round(NONEXISTENT.length * 2 * Math.log2(BATCH));

const rows: Row[] = [
  ...perRequestRows("`gong.api.POST`", perRequest.api),
  ...perRequestRows("one-batch `unassignFlowInstances`", perRequest.bulkOne),
  {
    figure: `bulk ${IDS.toLocaleString("en-US")} ids at R = ${RATE}/s: requests`,
    measured: String(fast.requests),
    reference: `ceil(ids/${BATCH}) ${minimumRequests}`,
    ratio: fast.requests / minimumRequests,
    target: "1.00",
    met: fast.requests === minimumRequests,
  },
  bulkWallRow("bulk: wall time", fast.wallMs, floorMs(fast.requests), "requests / R"),
  rateLimitedRow("bulk", fast.rateLimited, fast.runs),
  bulkWallRow(
    `bulk, ${SLOW_MS} ms per answer: wall time`,
    slow.wallMs,
    floorMs(slow.requests) + SLOW_MS,
    `requests / R + ${SLOW_MS} ms`,
  ),
  rateLimitedRow(`bulk, ${SLOW_MS} ms per answer`, slow.rateLimited, slow.runs),
  {
    figure: `bulk, nonexistent id in ${NONEXISTENT.length} batches: extra requests`,
    measured: String(extra),
    reference: `${NONEXISTENT.length} × ⌈log2 ${BATCH}⌉ = ${isolationFloor}`,
    ratio: extra / isolationFloor,
    target: `≤ ${isolationContract} (≈ 2·log2 ${BATCH} each)`,
    met: extra <= isolationContract,
  },
  bulkWallRow("bulk, nonexistent ids: wall time", refused.wallMs, floorMs(refused.requests), "requests / R"),
  rateLimitedRow("bulk, nonexistent ids", refused.rateLimited, refused.runs),
  {
    figure: "CLI start-up: `gong-flows --version`",
    measured: ms(startup.version),
    reference: `\`node -e 0\` ${ms(startup.node)}`,
    ratio: startup.version / startup.node,
    target: "≤ 1.50",
    met: within(startup.version / startup.node, 1.5),
  },
  {
    figure: "CLI start-up: `gong-flows unassign ID --dry-run`",
    measured: ms(startup.dryRun),
    reference: `\`node -e 0\` ${ms(startup.node)}`,
    ratio: startup.dryRun / startup.node,
    target: "",
    met: null,
  },
  {
    figure: "app importing createGongFlowsClient: loaded at start, minified",
    measured: bytes(client.minified),
    reference: `openapi-fetch alone ${bytes(openapiFetch.minified)}`,
    ratio: client.minified / openapiFetch.minified,
    target: `<= ${bytes(CLIENT_MINIFIED_TARGET)} (budget ${bytes(CLIENT_MINIFIED_BUDGET)})`,
    met: client.minified <= CLIENT_MINIFIED_TARGET,
  },
  {
    figure: "same app, every chunk (transport and bulk engine load on first use), minified",
    measured: bytes(client.total),
    reference: `openapi-fetch alone ${bytes(openapiFetch.total)}`,
    ratio: client.total / openapiFetch.total,
    target: `budget ${bytes(CLIENT_TOTAL_BUDGET)}`,
    met: null,
  },
  {
    figure: "app importing createGongFlowsClient: loaded at start, minified + gzipped",
    measured: bytes(client.gzipped),
    reference: `openapi-fetch alone ${bytes(openapiFetch.gzipped)}`,
    ratio: client.gzipped / openapiFetch.gzipped,
    target: "",
    met: null,
  },
  {
    figure: "code generation: openapi-typescript on the spec",
    measured: ms(codegen.codegen),
    reference: `\`node -e 0\` ${ms(codegen.node)}`,
    ratio: codegen.codegen / codegen.node,
    target: "",
    met: null,
  },
];

process.stdout.write(`${header()}${renderTable([...rows, ...bigJobs])}\n`);
