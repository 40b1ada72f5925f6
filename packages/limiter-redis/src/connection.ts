import { Redis } from "ioredis";
import { RedisLimiterError } from "./errors.js";
import { redactRedisUrl, withoutPassword } from "./redact.js";

/** What the limiter needs of a Redis connection: ioredis's generic `call` (v5 and later). */
export interface RedisCommands {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}

/** A connection the limiter sends its scripts over, with a deadline on every command. */
export interface LimiterConnection {
  /** Runs a script by its SHA1, loading it first if this Redis does not know it (a restart, a failover). */
  run(
    script: { source: string; sha: string },
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown>;
  close(): Promise<void>;
}

/** How the limiter names this Redis in errors: the redacted URL, or "the given Redis connection". */
export interface ConnectionTarget {
  readonly url?: string | undefined;
  readonly redis?: RedisCommands | undefined;
  readonly commandTimeoutMs: number;
}

/** Opens (or adopts) the connection and checks it answers; throws {@link RedisLimiterError} naming Redis. */
export async function openConnection(target: ConnectionTarget): Promise<LimiterConnection> {
  const where =
    target.url === undefined ? "the given Redis connection" : `Redis at ${redactRedisUrl(target.url)}`;
  const explain = (error: unknown, doing: string) => {
    const reason = withoutPassword(error instanceof Error ? error.message : String(error), target.url);
    return new RedisLimiterError(`${doing} ${where}: ${reason}`);
  };
  let lastConnectionError: Error | undefined;
  const own =
    target.url === undefined
      ? null
      : connectTo(target.url, target.commandTimeoutMs, (error) => {
          lastConnectionError = error;
        });
  const redis: RedisCommands = own ?? (target.redis as RedisCommands);

  const withDeadline = async <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${target.commandTimeoutMs} ms`)),
        target.commandTimeoutMs,
      );
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    if (own) await withDeadline(own.connect());
    const pong = await withDeadline(redis.call("PING"));
    if (pong !== "PONG") throw new Error(`PING answered ${JSON.stringify(pong)}`);
  } catch (error) {
    own?.disconnect();
    // ioredis rejects connect() with "Connection is closed."; the reason (ECONNREFUSED, WRONGPASS) came as an event.
    throw explain(lastConnectionError ?? error, "Could not reach");
  }

  return {
    async run(script, keys, args) {
      try {
        try {
          return await withDeadline(redis.call("EVALSHA", script.sha, keys.length, ...keys, ...args));
        } catch (error) {
          if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
          return await withDeadline(redis.call("EVAL", script.source, keys.length, ...keys, ...args));
        }
      } catch (error) {
        throw explain(error, "Lost");
      }
    },
    async close() {
      if (own === null) return;
      try {
        await withDeadline(own.quit());
      } catch {
        own.disconnect();
      }
    },
  };
}

/**
 * Our own connection fails fast instead of queueing: no offline queue, no reconnect, no retry, so a lost Redis
 * rejects the next command at once and the run stops with nothing in doubt but what was in flight.
 */
function connectTo(url: string, commandTimeoutMs: number, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: commandTimeoutMs,
    enableReadyCheck: true,
  });
  // ioredis prints unhandled connection errors to the console; the failing command reports them instead.
  redis.on("error", onError);
  return redis;
}
