import { startRedis } from "@gong-flows/testkit";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createRedisLimiter, RedisLimiterError, redactRedisUrl } from "../src/index.js";

const SECRET = "hunter2-secret-pw";

/** A loopback port nothing listens on: a server started and stopped. */
async function closedPort(): Promise<number> {
  const redis = await startRedis();
  await redis.stop();
  return redis.port;
}

describe("reaching Redis", () => {
  it("fails at start with an error naming Redis, never the password", async () => {
    const port = await closedPort();
    const url = `redis://:${SECRET}@127.0.0.1:${port}`;
    const error = await createRedisLimiter({ url, requestsPerSecond: 3, dailyRequestLimit: null }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RedisLimiterError);
    expect(error.message).toContain(`Could not reach Redis at redis://:***@127.0.0.1:${port}`);
    expect(error.message).toContain("ECONNREFUSED");
    expect(String(error.stack)).not.toContain(SECRET);
  });

  it("fails at start on a wrong password without echoing it", async () => {
    const redis = await startRedis({ password: "right-password" });
    try {
      const url = `redis://:${SECRET}@127.0.0.1:${redis.port}`;
      const error = await createRedisLimiter({ url, requestsPerSecond: 3, dailyRequestLimit: null }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(RedisLimiterError);
      expect(error.message).toMatch(
        /^Could not reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: WRONGPASS/,
      );
      expect(error.message).not.toContain(SECRET);
    } finally {
      await redis.stop();
    }
  });

  it("connects with the right password", async () => {
    const redis = await startRedis({ password: SECRET });
    try {
      const limiter = await createRedisLimiter({
        url: redis.url,
        requestsPerSecond: 3,
        dailyRequestLimit: null,
      });
      expect(await limiter.acquire({ maxWaitMs: 1_000 })).toEqual({ kind: "go" });
      await limiter.close();
    } finally {
      await redis.stop();
    }
  });

  it("rejects acquire at once when Redis is lost mid-run, naming Redis", async () => {
    const redis = await startRedis({ password: SECRET });
    const limiter = await createRedisLimiter({
      url: redis.url,
      requestsPerSecond: 100,
      dailyRequestLimit: 10,
    });
    expect(await limiter.acquire({ maxWaitMs: 1_000 })).toEqual({ kind: "go" });
    await redis.stop();
    const started = performance.now();
    const error = await limiter.acquire({ maxWaitMs: 1_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(RedisLimiterError);
    expect(error.message).toMatch(/^Lost Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: /);
    expect(error.message).not.toContain(SECRET);
    expect(performance.now() - started).toBeLessThan(5_000);
    await limiter.close();
  });

  it("uses an ioredis client it is given, and leaves closing it to its owner", async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url);
    try {
      const limiter = await createRedisLimiter({
        redis: client,
        requestsPerSecond: 5,
        dailyRequestLimit: 100,
      });
      expect(await limiter.acquire({ maxWaitMs: 1_000 })).toEqual({ kind: "go" });
      await limiter.close();
      expect(await client.ping()).toBe("PONG");
      expect(await client.hget("{gong-flows}:daily", "count")).toBe("1");
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });

  it("re-loads its scripts after Redis forgot them (SCRIPT FLUSH, a restart)", async () => {
    const redis = await startRedis();
    const admin = new Redis(redis.url);
    try {
      const limiter = await createRedisLimiter({
        url: redis.url,
        requestsPerSecond: 50,
        dailyRequestLimit: null,
      });
      expect(await limiter.acquire({ maxWaitMs: 1_000 })).toEqual({ kind: "go" });
      await admin.script("FLUSH");
      expect(await limiter.acquire({ maxWaitMs: 1_000 })).toEqual({ kind: "go" });
      await limiter.close();
    } finally {
      admin.disconnect();
      await redis.stop();
    }
  });
});

describe("options", () => {
  const base = { url: "redis://127.0.0.1:1", requestsPerSecond: 3, dailyRequestLimit: 10_000 };
  it.each([
    [{ ...base, url: "http://127.0.0.1:6379" }, /redis:\/\/ or rediss:\/\//],
    [{ requestsPerSecond: 3, dailyRequestLimit: null }, /exactly one of url and redis/],
    [{ ...base, requestsPerSecond: 0 }, /requestsPerSecond must be a number greater than 0/],
    [{ ...base, dailyRequestLimit: 0 }, /dailyRequestLimit must be a whole number/],
    [{ ...base, dailyRequestLimit: 1.5 }, /dailyRequestLimit must be a whole number/],
    [{ ...base, key: "a{b}" }, /key must be/],
  ])("refuses %o before connecting", async (options, message) => {
    await expect(createRedisLimiter(options as never)).rejects.toThrow(message);
  });

  it("redacts the password of a URL, keeping the rest", () => {
    expect(redactRedisUrl(`rediss://user:${SECRET}@redis.example.com:6380/2`)).toBe(
      "rediss://user:***@redis.example.com:6380/2",
    );
    expect(redactRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(redactRedisUrl(`not a url ${SECRET}`)).not.toContain(SECRET);
  });
});
