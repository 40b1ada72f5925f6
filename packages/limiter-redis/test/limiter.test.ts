import { mostInWindow } from "@gong-flows/testkit";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { RESERVE } from "../src/scripts.js";
import { startTimes, useRedis } from "./helpers.js";

const { limiter, redis, key } = useRedis();

const nextUtcMidnight = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
};

describe("createRedisLimiter: one limit for every process on the key", () => {
  it("spaces starts 1/R apart across two connections, with no burst", async () => {
    const rate = 20;
    const a = await limiter({ requestsPerSecond: rate });
    const b = await limiter({ requestsPerSecond: rate });
    const started = performance.now();
    const [fromA, fromB] = await Promise.all([startTimes(a, 15), startTimes(b, 15)]);
    const all = [...(fromA ?? []), ...(fromB ?? [])].sort((x, y) => x - y);
    // 30 starts at 20/s take at least 29 intervals; a burst would come in far sooner.
    expect((all.at(-1) as number) - started).toBeGreaterThanOrEqual(29 * 50 - 5);
    // No burst: a fixed window allows 2R starts around its edge. The slots themselves are exact (next test); on a
    // loaded machine a stalled event loop wakes several late starts together, so this bound sits between R and 2R.
    expect(mostInWindow(all, 1000)).toBeLessThanOrEqual(rate * 1.5);
  });

  it("reserves slots exactly 1/R apart on Redis's clock, whichever connection asks", async () => {
    const a = new Redis(redis().url);
    const b = new Redis(redis().url);
    try {
      const keys = [`{${key()}}:tat`, `{${key()}}:pause`, `{${key()}}:daily`];
      const reserve = (client: Redis) =>
        client.eval(RESERVE, 3, ...keys, 50_000, 60_000_000, -1) as Promise<number[]>;
      const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(i % 2 ? a : b)));
      const slots = replies.map((reply) => reply[1] as number).sort((x, y) => x - y);
      expect(replies.every((reply) => reply[0] === 1)).toBe(true);
      for (let i = 1; i < slots.length; i++)
        expect((slots[i] as number) - (slots[i - 1] as number)).toBe(50_000);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it("holds every sharer's starts during a pause, and restarts them spaced", async () => {
    const a = await limiter({ requestsPerSecond: 50 });
    const b = await limiter({ requestsPerSecond: 50 });
    const paused = performance.now();
    await a.pause(400);
    const times = (await startTimes(b, 5)).sort((x, y) => x - y);
    expect((times[0] as number) - paused).toBeGreaterThanOrEqual(390);
    // Restarted spaced, not all at once at the pause's end: the k-th start comes no earlier than its slot, k
    // intervals after the pause (a late wake-up can only make a start later, never earlier than its slot).
    for (const [k, time] of times.entries()) expect(time - paused).toBeGreaterThanOrEqual(390 + k * 20 - 5);
  });

  it("answers paused, with the end, when a pause outlasts maxWaitMs", async () => {
    const a = await limiter({ requestsPerSecond: 10 });
    await a.pause(40_000_000);
    const before = Date.now();
    const decision = await a.acquire({ maxWaitMs: 1_000 });
    expect(decision.kind).toBe("paused");
    const until = decision.kind === "paused" ? decision.until.getTime() : 0;
    expect(until - before).toBeGreaterThan(39_990_000);
    expect(until - before).toBeLessThan(40_010_000);
  });

  it("lets a later pause stand over a shorter one", async () => {
    const a = await limiter({ requestsPerSecond: 10 });
    await a.pause(60_000);
    await a.pause(10);
    const decision = await a.acquire({ maxWaitMs: 1_000 });
    expect(decision.kind).toBe("paused");
  });

  it("counts one daily limit across sharers: exactly that many go", async () => {
    const a = await limiter({ requestsPerSecond: 200, dailyRequestLimit: 7 });
    const b = await limiter({ requestsPerSecond: 200, dailyRequestLimit: 7 });
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).acquire({ maxWaitMs: 10_000 })),
    );
    expect(decisions.filter((d) => d.kind === "go")).toHaveLength(7);
    const refused = decisions.filter((d) => d.kind === "daily_limit");
    expect(refused).toHaveLength(5);
    for (const decision of refused) {
      expect(decision.kind === "daily_limit" && decision.resetsAt.getTime()).toBe(
        nextUtcMidnight().getTime(),
      );
    }
  });

  it("rejects with the signal's reason when aborted while waiting", async () => {
    const a = await limiter({ requestsPerSecond: 1 });
    expect(await a.acquire({ maxWaitMs: 10_000 })).toEqual({ kind: "go" });
    const controller = new AbortController();
    const waiting = a.acquire({ maxWaitMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(waiting).rejects.toThrow("stop");
  });

  it("answers paused when the queue of reserved starts is longer than maxWaitMs", async () => {
    const a = await limiter({ requestsPerSecond: 1 });
    expect(await a.acquire({ maxWaitMs: 10_000 })).toEqual({ kind: "go" });
    const decision = await a.acquire({ maxWaitMs: 100 });
    expect(decision.kind).toBe("paused");
  });
});
