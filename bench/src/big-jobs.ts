// Big jobs and shared limits: several CLI processes against one company limit (with and without a shared Redis
// limiter), a 1,000,000-id job with its journal, and the journal's cost at a raised company limit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeIds, startFakeGong } from "@gong-flows/fake";
import { spawnNodeScript, startRedis } from "@gong-flows/testkit";

const require = createRequire(import.meta.url);
const cliPackage = require.resolve("@gong-flows/cli/package.json");
const cliBin = join(
  dirname(cliPackage),
  (require(cliPackage) as { bin: Record<string, string> }).bin["gong-flows"] as string,
);
const maxRssPreload = fileURLToPath(new URL("./max-rss.js", import.meta.url));
const CREDENTIALS = { GONG_ACCESS_KEY: "bench-key", GONG_ACCESS_KEY_SECRET: "bench-secret" };

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the CLI process, in bytes. */
  readonly peakRss: number;
}

/**
 * Runs the built CLI in its own process with only the given environment, and reads back its peak RSS (the
 * preload writes it at exit; `NODE_OPTIONS` carries `--import` to the child).
 */
async function runCli(
  args: readonly string[],
  env: Record<string, string>,
  scratch: string,
): Promise<CliRun> {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const { result } = spawnNodeScript(cliBin, args, {
    env: { ...env, NODE_OPTIONS: `--import=${maxRssPreload}`, GONG_FLOWS_BENCH_RSS_FILE: rssFile },
  });
  const { code, stdout, stderr } = await result;
  let peakRss = 0;
  try {
    peakRss = Number(readFileSync(rssFile, "utf8"));
  } catch {
    // The process died before its exit handler ran; the caller sees the exit code.
  }
  return { code, stdout, stderr, peakRss };
}

export interface ManyProcessesResult {
  readonly wallMs: number;
  /** (all requests − 1) / R: the shared floor. */
  readonly floorMs: number;
  readonly requests: number;
  readonly rateLimited: number;
}

/**
 * `processes` CLI processes, each unassigning its own `idsEach` ids in batches of `batchSize`, each told the
 * company's rate R, against one fake limited to R: with `redis`, sharing one Redis limiter; without, each pacing
 * itself alone.
 */
export async function measureManyProcesses(options: {
  processes: number;
  rate: number;
  idsEach: number;
  batchSize: number;
  redis: boolean;
}): Promise<ManyProcessesResult> {
  const scratch = mkdtempSync(join(tmpdir(), "gong-flows-bench-"));
  const jobs = Array.from({ length: options.processes }, (_, job) =>
    makeIds(options.idsEach, 234599484800000 + job * 10_000_000),
  );
  const fake = await startFakeGong({ assigned: jobs.flat(), requestsPerSecond: options.rate });
  const redis = options.redis ? await startRedis() : null;
  try {
    const env = {
      ...CREDENTIALS,
      GONG_BASE_URL: fake.url,
      ...(redis ? { GONG_FLOWS_REDIS_URL: redis.url } : {}),
    };
    const files = jobs.map((ids, job) => {
      const file = join(scratch, `job${job}.txt`);
      writeFileSync(file, `${ids.join("\n")}\n`);
      return file;
    });
    const started = performance.now();
    const runs = await Promise.all(
      files.map((file) =>
        runCli(
          [
            "unassign",
            "--file",
            file,
            "--batch-size",
            String(options.batchSize),
            "--rps",
            String(options.rate),
          ],
          env,
          scratch,
        ),
      ),
    );
    const wallMs = performance.now() - started;
    const failed = runs.find((run) => run.code !== 0);
    if (failed || fake.assigned.size > 0 || fake.violations.length > 0) {
      throw new Error(
        `many-processes run went wrong: exit ${failed?.code}, ${fake.assigned.size} ids left\n${failed?.stderr ?? ""}`,
      );
    }
    const minimum = options.processes * Math.ceil(options.idsEach / options.batchSize);
    return {
      wallMs,
      floorMs: ((minimum - 1) / options.rate) * 1000,
      requests: fake.requests.length,
      rateLimited: fake.requests.filter((r) => r.outcome === 429).length,
    };
  } finally {
    await fake.stop();
    await redis?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface BigJobResult {
  readonly wallMs: number;
  readonly floorMs: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly peakRss: number;
}

/** One CLI process unassigning `ids` ids from a file at R requests/s, with or without a journal. */
export async function measureBigJob(options: {
  ids: number;
  rate: number;
  journal: boolean;
}): Promise<BigJobResult> {
  const scratch = mkdtempSync(join(tmpdir(), "gong-flows-bench-"));
  const ids = makeIds(options.ids);
  const fake = await startFakeGong({ assigned: ids, requestsPerSecond: options.rate });
  try {
    const file = join(scratch, "ids.txt");
    writeFileSync(file, `${ids.join("\n")}\n`);
    const journal = options.journal ? ["--journal", join(scratch, "job.journal")] : [];
    const started = performance.now();
    const run = await runCli(
      ["unassign", "--file", file, "--rps", String(options.rate), "--quiet", ...journal],
      { ...CREDENTIALS, GONG_BASE_URL: fake.url },
      scratch,
    );
    const wallMs = performance.now() - started;
    if (run.code !== 0 || fake.assigned.size > 0 || fake.violations.length > 0) {
      throw new Error(`big job went wrong: exit ${run.code}, ${fake.assigned.size} ids left\n${run.stderr}`);
    }
    const minimum = Math.ceil(options.ids / 200);
    return {
      wallMs,
      floorMs: ((minimum - 1) / options.rate) * 1000,
      requests: fake.requests.length,
      rateLimited: fake.requests.filter((r) => r.outcome === 429).length,
      peakRss: run.peakRss,
    };
  } finally {
    await fake.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
