import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGong, type FakeGongOptions, makeIds, startFakeGong } from "@gong-flows/fake";
import { mostInWindow, type RunningRedis, startRedis } from "@gong-flows/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS, runCli, spawnCli, waitFor } from "./helpers.js";

const SECRET = "redis-pw-never-shown";
let redis: RunningRedis;
let fake: FakeGong | undefined;
const dir = mkdtempSync(join(tmpdir(), "gong-flows-shared-"));

beforeAll(async () => {
  redis = await startRedis({ password: SECRET });
});
afterAll(async () => {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.stop();
  fake = undefined;
});

/** The fake, with every unassign request's arrival time (the fault script sees each one as it arrives). */
async function startTimedFake(options: FakeGongOptions): Promise<{ gong: FakeGong; arrivals: number[] }> {
  const arrivals: number[] = [];
  fake = await startFakeGong({
    ...options,
    faults: (n) => {
      arrivals.push(performance.now());
      return typeof options.faults === "function" ? options.faults(n) : null;
    },
  });
  return { gong: fake, arrivals };
}

function idFile(name: string, ids: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${ids.join("\n")}\n`);
  return path;
}

const LISTS = ["unassigned", "notUnassigned", "rejected", "unknown", "skipped"] as const;
type Report = Record<(typeof LISTS)[number], string[]> & { requests: number; errors: { kind: string }[] };

function expectEveryIdOnce(report: Report, ids: readonly string[]) {
  const all = LISTS.flatMap((list) => report[list]);
  expect(all).toHaveLength(ids.length);
  expect(new Set(all)).toEqual(new Set(ids));
}

describe("several CLI processes sharing one company limit through Redis", () => {
  it("three processes against a fake limited to 10/s meet no 429 and keep the shared spacing", async () => {
    const rate = 10;
    const jobs = [0, 1, 2].map((job) => makeIds(200, 234599484800000 + job * 1_000_000));
    const { gong, arrivals } = await startTimedFake({ assigned: jobs.flat(), requestsPerSecond: rate });
    const started = performance.now();
    const runs = jobs.map((ids, job) =>
      runCli(
        ["unassign", "--file", idFile(`job${job}.txt`, ids), "--batch-size", "20", "--rps", String(rate)],
        {
          env: {
            ...CREDENTIALS,
            GONG_BASE_URL: gong.url,
            GONG_FLOWS_REDIS_URL: redis.url,
          },
        },
      ),
    );
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.stderr).not.toContain(SECRET);
      expect(result.code).toBe(0);
    }
    const rateLimited = gong.requests.filter((r) => r.outcome === 429).length;
    expect(rateLimited).toBe(0);
    expect(gong.requests).toHaveLength(30);
    expect(gong.assigned.size).toBe(0);
    // 30 starts shared at 10/s: the last about 29 intervals after the first (each process alone at 10/s would
    // have sent all 30 within a second: 3R). The fake sees each request only after reading and checking its body,
    // so on a loaded machine its arrivals bunch; half a second of slack on the span and R/2 on the busiest
    // second. The exact spacing of starts is asserted in @gong-flows/limiter-redis's own tests, on Redis's clock.
    const sorted = [...arrivals].sort((a, b) => a - b);
    expect((sorted.at(-1) as number) - (sorted[0] as number)).toBeGreaterThanOrEqual(29 * 100 - 500);
    expect(mostInWindow(arrivals, 1000)).toBeLessThanOrEqual(rate * 1.5);
    expect(performance.now() - started).toBeGreaterThan(2_900);
  }, 120_000);

  it("two processes with one daily limit send exactly that many requests together, and say when to resume", async () => {
    const jobs = [0, 1].map((job) => makeIds(100, 234599484800000 + job * 1_000_000));
    const { gong } = await startTimedFake({ assigned: jobs.flat() });
    const results = await Promise.all(
      jobs.map((ids, job) =>
        runCli(
          [
            "unassign",
            "--file",
            idFile(`daily${job}.txt`, ids),
            "--batch-size",
            "10",
            "--rps",
            "20",
            "--daily-limit",
            "7",
            "--journal",
            join(dir, `daily${job}.journal`),
            "--json",
          ],
          {
            env: {
              ...CREDENTIALS,
              GONG_BASE_URL: gong.url,
              GONG_FLOWS_REDIS_URL: redis.url,
            },
          },
        ),
      ),
    );
    expect(gong.requests).toHaveLength(7);
    let unassigned = 0;
    for (const [job, result] of results.entries()) {
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      expectEveryIdOnce(report, jobs[job] as string[]);
      expect(report.unknown).toEqual([]);
      expect(report.errors.map((error) => error.kind)).toContain("daily_limit");
      unassigned += report.unassigned.length;
      const midnight = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000).toISOString();
      expect(result.stderr).toContain(midnight);
      expect(result.stderr).toMatch(/same command with the same --journal/);
    }
    expect(unassigned).toBe(70);
  }, 120_000);
});

describe("--redis", () => {
  it("an unreachable Redis is exit 2 before anything is sent, naming Redis but not its password", async () => {
    const { gong } = await startTimedFake({ assigned: makeIds(10) });
    const gone = await startRedis();
    await gone.stop();
    const url = `redis://:${SECRET}@127.0.0.1:${gone.port}`;
    const result = await runCli(["unassign", ...makeIds(10), "--redis", url], {
      env: { ...CREDENTIALS, GONG_BASE_URL: gong.url },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Redis at redis://:***@127.0.0.1:${gone.port}`);
    expect(result.stderr).not.toContain(SECRET);
    expect(gong.requests).toHaveLength(0);
  });

  it("Redis lost mid-run stops the run: nothing lost, only what was in flight in doubt", async () => {
    const ids = makeIds(400);
    const { gong } = await startTimedFake({ assigned: ids });
    const own = await startRedis();
    const run = spawnCli(
      ["unassign", "--file", idFile("lost.txt", ids), "--batch-size", "10", "--rps", "5", "--json"],
      {
        env: { ...CREDENTIALS, GONG_BASE_URL: gong.url, GONG_FLOWS_REDIS_URL: own.url },
      },
    );
    await waitFor(() => gong.requests.length >= 3, 60_000);
    await own.stop();
    const result = await run.result;
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expectEveryIdOnce(report, ids);
    expect(report.errors.map((error) => error.kind)).toContain("limiter");
    expect(report.requests).toBe(gong.requests.length);
    expect(report.unassigned.length).toBe(ids.length - gong.assigned.size);
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/Redis/);
  }, 120_000);
});
