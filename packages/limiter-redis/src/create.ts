import { createHash } from "node:crypto";
import { type LimiterConnection, openConnection, type RedisCommands } from "./connection.js";
import type { Limiter, LimiterDecision } from "./limiter.js";
import { PAUSE, RESERVE, START } from "./scripts.js";

/** Options of {@link createRedisLimiter}: exactly one of `url` and `redis`. */
export type RedisLimiterOptions = (
  | {
      /** `redis://[:password@]host[:port][/db]` or `rediss://…` (TLS). The limiter opens and closes its own connection. */
      url: string;
      redis?: never;
    }
  | {
      /** An ioredis client you own (a Cluster works too: the keys share one hash tag). You close it. */
      redis: RedisCommands;
      url?: never;
    }
) & {
  /**
   * Names the shared limit: every process and service using the same Redis and key shares one rate, one pause and
   * one daily count. One key per Gong company. Default `"gong-flows"`.
   */
  key?: string;
  /** Request starts per second, for all sharers together (Gong's default company limit is 3). */
  requestsPerSecond: number;
  /** Requests per UTC day, for all sharers together (Gong's default is 10,000); `null` for none. */
  dailyRequestLimit: number | null;
  /** Deadline of each Redis command, and of connecting, in ms. Default 5 000. */
  commandTimeoutMs?: number;
};

/** A {@link Limiter} held in Redis. `close()` ends the connection it opened (not one you passed in). */
export interface RedisLimiter extends Limiter {
  /** The key's three Redis keys share the hash tag `{key}`. */
  readonly key: string;
  close(): Promise<void>;
}

const script = (source: string) => ({ source, sha: createHash("sha1").update(source).digest("hex") });
const SCRIPTS = { reserve: script(RESERVE), start: script(START), pause: script(PAUSE) };

const RESERVED = 1;
const PAUSED = 2;
const DAILY_LIMIT = 3;
const QUEUE_TOO_LONG = 4;

/**
 * Connects to Redis and returns a limiter shared by every process using the same Redis and `key`: starts spaced
 * `1 / requestsPerSecond` apart across all of them (GCRA on Redis's clock, no burst), one pause on a 429, one
 * count per UTC day. Rejects with a `RedisLimiterError` naming Redis (never its password) when Redis cannot be
 * reached; throws `TypeError`/`RangeError` on bad options.
 */
export async function createRedisLimiter(options: RedisLimiterOptions): Promise<RedisLimiter> {
  const settings = checkOptions(options);
  const connection = await openConnection({
    url: options.url,
    redis: options.redis,
    commandTimeoutMs: settings.commandTimeoutMs,
  });
  return new RedisBackedLimiter(connection, settings);
}

interface Settings {
  readonly key: string;
  readonly intervalUs: number;
  readonly dailyLimit: number;
  readonly commandTimeoutMs: number;
}

function checkOptions(options: RedisLimiterOptions): Settings {
  if (typeof options !== "object" || options === null)
    throw new TypeError("createRedisLimiter needs an options object");
  const hasUrl = options.url !== undefined;
  const hasRedis = options.redis !== undefined;
  if (hasUrl === hasRedis) throw new TypeError("createRedisLimiter needs exactly one of url and redis");
  if (hasUrl && (typeof options.url !== "string" || !/^rediss?:\/\//.test(options.url))) {
    throw new TypeError("url must be a redis:// or rediss:// URL");
  }
  if (hasRedis && typeof (options.redis as { call?: unknown }).call !== "function") {
    throw new TypeError("redis must be an ioredis client (it needs call())");
  }
  const key = options.key ?? "gong-flows";
  if (typeof key !== "string" || key === "" || /[{}\s]/.test(key)) {
    throw new TypeError("key must be a non-empty string without braces or whitespace");
  }
  const rps = options.requestsPerSecond;
  if (typeof rps !== "number" || !Number.isFinite(rps) || rps <= 0) {
    throw new RangeError(`requestsPerSecond must be a number greater than 0, got ${String(rps)}`);
  }
  const daily = options.dailyRequestLimit;
  if (daily !== null && (typeof daily !== "number" || !Number.isInteger(daily) || daily < 1)) {
    throw new RangeError(
      `dailyRequestLimit must be a whole number of at least 1, or null; got ${String(daily)}`,
    );
  }
  const timeout = options.commandTimeoutMs ?? 5_000;
  if (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0) {
    throw new RangeError(`commandTimeoutMs must be a number greater than 0, got ${String(timeout)}`);
  }
  return { key, intervalUs: Math.round(1e6 / rps), dailyLimit: daily ?? -1, commandTimeoutMs: timeout };
}

class RedisBackedLimiter implements RedisLimiter {
  readonly key: string;
  readonly #connection: LimiterConnection;
  readonly #settings: Settings;
  readonly #keys: { tat: string; pause: string; daily: string };

  constructor(connection: LimiterConnection, settings: Settings) {
    this.#connection = connection;
    this.#settings = settings;
    this.key = settings.key;
    // One hash tag: a Redis Cluster keeps all three in one slot, as a script needs.
    const tag = `{${settings.key}}`;
    this.#keys = { tat: `${tag}:tat`, pause: `${tag}:pause`, daily: `${tag}:daily` };
  }

  async acquire(options: {
    readonly signal?: AbortSignal | undefined;
    readonly maxWaitMs: number;
  }): Promise<LimiterDecision> {
    const { signal, maxWaitMs } = options;
    const keys = this.#keys;
    const limit = this.#settings.dailyLimit;
    for (;;) {
      signal?.throwIfAborted();
      const [kind, at, now] = numbers(
        await this.#connection.run(
          SCRIPTS.reserve,
          [keys.tat, keys.pause, keys.daily],
          [this.#settings.intervalUs, Math.max(0, Math.round(maxWaitMs * 1000)), limit],
        ),
      );
      if (kind === DAILY_LIMIT) return { kind: "daily_limit", resetsAt: dateOf(at) };
      if (kind === PAUSED || kind === QUEUE_TOO_LONG) return { kind: "paused", until: dateOf(at) };
      if (kind !== RESERVED) throw new TypeError(`unexpected answer ${kind} from the limiter script`);
      await sleep((at - now) / 1000, signal);
      const [started, until] = numbers(
        await this.#connection.run(SCRIPTS.start, [keys.pause, keys.daily], [limit]),
      );
      if (started === DAILY_LIMIT) return { kind: "daily_limit", resetsAt: dateOf(until) };
      // A pause began while this caller waited for its slot: reserve again, after the pause.
      if (started === PAUSED) continue;
      return { kind: "go" };
    }
  }

  async pause(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms <= 0) return;
    await this.#connection.run(SCRIPTS.pause, [this.#keys.pause, this.#keys.tat], [Math.ceil(ms)]);
  }

  close(): Promise<void> {
    return this.#connection.close();
  }
}

function numbers(reply: unknown): [number, number, number] {
  if (!Array.isArray(reply) || !reply.every((value) => typeof value === "number")) {
    throw new TypeError(`unexpected reply from the limiter script: ${JSON.stringify(reply)}`);
  }
  return [reply[0] ?? 0, reply[1] ?? 0, reply[2] ?? 0];
}

const dateOf = (microseconds: number) => new Date(Math.ceil(microseconds / 1000));

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
