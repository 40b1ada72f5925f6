import type { Limiter } from "@gong-flows/client";
import type { UnassignArgs } from "./args.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

/** A limiter the CLI opened and must close (a Redis connection keeps the process alive). */
export interface OpenedLimiter extends Limiter {
  close(): Promise<void>;
}

/**
 * The shared limiter of `--redis URL` (else `GONG_FLOWS_REDIS_URL`), connected and checked, or `null` without
 * one. One key per base URL: every process sending to the same company shares one rate, pause and daily count.
 * A Redis that cannot be reached is a usage error (exit 2) before anything is sent; the URL's password is never
 * shown.
 */
export async function openSharedLimiter(
  args: UnassignArgs,
  baseUrl: string,
  env: CliIo["env"],
): Promise<OpenedLimiter | null> {
  const fromEnv = env.GONG_FLOWS_REDIS_URL === "" ? undefined : env.GONG_FLOWS_REDIS_URL;
  const url = args.redis ?? fromEnv;
  if (url === undefined) return null;
  const source = args.redis === undefined ? "GONG_FLOWS_REDIS_URL" : "--redis";
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) {
    throw new UsageError(
      `${source} must be a redis:// or rediss:// URL (redis://[:password@]host[:port][/db])`,
    );
  }
  // Loaded only here: a run without Redis does not load ioredis.
  const { createRedisLimiter, RedisLimiterError } = await import("@gong-flows/limiter-redis");
  try {
    return await createRedisLimiter({
      url,
      key: `gong-flows:${new URL(baseUrl).host}`,
      requestsPerSecond: args.rps,
      dailyRequestLimit: args.dailyLimit,
    });
  } catch (error) {
    if (error instanceof RedisLimiterError)
      throw new UsageError(`${source}: ${error.message}; nothing was sent`);
    throw error;
  }
}
