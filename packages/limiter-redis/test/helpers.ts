import { type RunningRedis, startRedis } from "@gong-flows/testkit";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createRedisLimiter, type RedisLimiter, type RedisLimiterOptions } from "../src/index.js";

/** One real redis-server for the test file, and a fresh key per test so tests do not share a limit. */
export function useRedis(): { redis: () => RunningRedis; limiter: LimiterFactory; key: () => string } {
  let redis: RunningRedis | undefined;
  let opened: RedisLimiter[] = [];
  let keyNumber = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  afterEach(async () => {
    await Promise.all(opened.map((limiter) => limiter.close()));
    opened = [];
    keyNumber++;
  });
  const current = () => {
    if (!redis) throw new Error("redis not started");
    return redis;
  };
  const key = () => `test-${keyNumber}`;
  const limiter: LimiterFactory = async (options) => {
    const created = await createRedisLimiter({
      url: current().url,
      key: key(),
      dailyRequestLimit: null,
      ...options,
    } as RedisLimiterOptions);
    opened.push(created);
    return created;
  };
  return { redis: current, limiter, key };
}

type LimiterFactory = (
  options: Partial<Omit<RedisLimiterOptions, "url" | "redis">> & { requestsPerSecond: number },
) => Promise<RedisLimiter>;

/** Acquires `count` starts at once through `limiter` and returns when each `go` came (performance.now()). */
export async function startTimes(
  limiter: RedisLimiter,
  count: number,
  maxWaitMs = 60_000,
): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      const decision = await limiter.acquire({ maxWaitMs });
      if (decision.kind !== "go") throw new Error(`expected go, got ${decision.kind}`);
      times.push(performance.now());
    }),
  );
  return times;
}
