import { describe, expect, it } from "vitest";
import {
  createGongFlowsClient,
  type GongFlowsClientOptions,
  GongInputError,
  type Limiter,
  type LimiterDecision,
} from "../../src/index.js";
import { withDailyLimit } from "../../src/limiter/daily.js";
import { json, KEY_PAIR, listingFetch, recordingLimiter, sentBody } from "../helpers.js";

const ids = (count: number) => Array.from({ length: count }, (_, i) => String(234599484800000 + i));
const nextUtcMidnight = (now = Date.now()) => new Date(Math.floor(now / 86_400_000 + 1) * 86_400_000);
const base = { auth: KEY_PAIR, baseUrl: "http://127.0.0.1:9" } as const;
const go: Limiter = { acquire: async () => ({ kind: "go" }), pause: async () => undefined };

/** A `fetch` that answers the n-th request (1-based) with 429 and `retryAfter`, and lists every id otherwise. */
function fetchWith429(n: number, retryAfter: string) {
  let calls = 0;
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    calls++;
    if (calls === n) return json(429, { errors: ["slow down"] }, { "retry-after": retryAfter });
    return json(200, { unassignedFlowInstanceIds: sentBody(init).flowInstanceIds });
  }) as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
}

/** A client over a `fetch` that lists every id it is sent, unpaced, with the given options. */
function listingClient(options: Partial<GongFlowsClientOptions>) {
  const gong = listingFetch();
  const client = createGongFlowsClient({ ...base, fetch: gong.fetch, requestsPerSecond: null, ...options });
  return { gong, client };
}

describe("dailyRequestLimit (the in-process daily count)", () => {
  it("sends exactly the limit, then stops: the rest skipped, the entry daily_limit with its reset", async () => {
    const { gong, client } = listingClient({ dailyRequestLimit: 3, batchSize: 10 });
    const report = await client.unassignFlowInstances(ids(100));
    expect(gong.bodies).toHaveLength(3);
    expect(report.requests).toBe(3);
    expect(report.unassigned).toEqual(ids(30));
    expect(report.skipped).toEqual(ids(100).slice(30));
    expect(report.unknown).toEqual([]);
    const entry = report.errors.find((error) => error.kind === "daily_limit");
    expect(entry).toMatchObject({ status: null, resetsAt: nextUtcMidnight().toISOString() });
  });

  it("keeps counting across runs of one client, and defaults to Gong's 10,000 a day", async () => {
    const { gong, client } = listingClient({ batchSize: 1 });
    const first = await client.unassignFlowInstances(ids(9_999));
    expect(first.unassigned).toHaveLength(9_999);
    const second = await client.unassignFlowInstances(ids(3).map((id) => `${id}9`));
    expect(gong.bodies).toHaveLength(10_000);
    expect(second.unassigned).toHaveLength(1);
    expect(second.skipped).toHaveLength(2);
  }, 60_000);

  it("null switches the daily count off", async () => {
    const { client } = listingClient({ dailyRequestLimit: null, batchSize: 1 });
    const report = await client.unassignFlowInstances(ids(10_001));
    expect(report.unassigned).toHaveLength(10_001);
  }, 60_000);

  it("starts a new count at 00:00 UTC", async () => {
    let now = Date.UTC(2026, 10, 30, 23, 59, 59);
    const limiter = withDailyLimit(go, 1, () => now);
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({ kind: "go" });
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({
      kind: "daily_limit",
      resetsAt: new Date(Date.UTC(2026, 11, 1)),
    });
    now += 1_000;
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({ kind: "go" });
  });

  it("counts only the starts it lets through, not the waits the limiter beneath refused", async () => {
    const until = new Date(Date.UTC(2026, 10, 30, 12));
    const answers: LimiterDecision[] = [{ kind: "paused", until }, { kind: "paused", until }, { kind: "go" }];
    const inner: Limiter = {
      acquire: async () => answers.shift() ?? { kind: "go" },
      pause: async () => undefined,
    };
    const now = Date.UTC(2026, 10, 30, 10);
    const limiter = withDailyLimit(inner, 1, () => now);
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({ kind: "paused", until });
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({ kind: "paused", until });
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({ kind: "go" });
    expect(await limiter.acquire({ maxWaitMs: 0 })).toEqual({
      kind: "daily_limit",
      resetsAt: new Date(Date.UTC(2026, 11, 1)),
    });
  });

  it("refuses a limit that is not a whole number of at least 1", () => {
    for (const dailyRequestLimit of [0, -1, 1.5, Number.NaN]) {
      expect(() => createGongFlowsClient({ ...base, dailyRequestLimit })).toThrow(GongInputError);
    }
  });
});

describe("limiter (a shared limiter replaces the in-process one)", () => {
  it("asks the given limiter before every attempt and tells it every 429", async () => {
    const { limiter, asked, paused } = recordingLimiter();
    const { fetch } = fetchWith429(2, "0.01");
    const client = createGongFlowsClient({ ...base, fetch, limiter, batchSize: 10 });
    const report = await client.unassignFlowInstances(ids(30));
    expect(report.unassigned).toHaveLength(30);
    expect(asked).toEqual([120_000, 120_000, 120_000, 120_000]);
    expect(paused).toEqual([10]);
  });

  it("stops the run when the limiter fails: nothing more sent, the rest skipped, the entry kind limiter", async () => {
    let acquired = 0;
    const limiter: Limiter = {
      acquire: async (): Promise<LimiterDecision> => {
        if (++acquired > 2)
          throw new Error("Lost Redis at redis://:***@127.0.0.1:6379: Connection is closed.");
        return { kind: "go" };
      },
      pause: async () => undefined,
    };
    const gong = listingFetch();
    const client = createGongFlowsClient({ ...base, fetch: gong.fetch, limiter, batchSize: 10 });
    const report = await client.unassignFlowInstances(ids(100));
    expect(gong.bodies).toHaveLength(2);
    expect(report.unassigned).toEqual(ids(20));
    expect(report.skipped).toEqual(ids(100).slice(20));
    expect(report.errors.find((error) => error.kind === "limiter")?.message).toMatch(/Lost Redis/);
  });

  it("owns the rate and the daily limit: giving either beside it is an input error", () => {
    expect(() => createGongFlowsClient({ ...base, limiter: go, requestsPerSecond: 3 })).toThrow(
      /requestsPerSecond cannot be given with limiter/,
    );
    expect(() => createGongFlowsClient({ ...base, limiter: go, dailyRequestLimit: null })).toThrow(
      /dailyRequestLimit cannot be given with limiter/,
    );
    expect(() => createGongFlowsClient({ ...base, limiter: {} as Limiter })).toThrow(GongInputError);
  });
});

describe("Gong's own quota answer (a Retry-After beyond maxRetryAfterSeconds)", () => {
  it("stops the run at once and names when it ends; nothing waits for it", async () => {
    const { fetch, calls } = fetchWith429(3, "40000");
    const client = createGongFlowsClient({ ...base, fetch, requestsPerSecond: 20, batchSize: 10 });
    const before = Date.now();
    const report = await client.unassignFlowInstances(ids(100));
    expect(calls()).toBe(3);
    expect(report.unassigned).toEqual(ids(20));
    expect(report.skipped).toEqual(ids(100).slice(20));
    const entry = report.errors.find((error) => error.kind === "rate_limit");
    const endsAt = Date.parse(entry?.resetsAt ?? "");
    expect(endsAt - before).toBeGreaterThanOrEqual(39_999_000);
    expect(endsAt - Date.now()).toBeLessThanOrEqual(40_000_000);
  });
});
