import type { AcquireOptions, Limiter, LimiterDecision } from "./limiter.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Adds a count per UTC day to an in-process limiter: once `limit` starts were let through today, every `acquire`
 * answers `daily_limit` with the next 00:00 UTC. The count is taken when a start is let through, so concurrent
 * callers never exceed it.
 */
export function withDailyLimit(inner: Limiter, limit: number, now: () => number = Date.now): Limiter {
  let day = Math.floor(now() / DAY_MS);
  let count = 0;
  const spent = (): LimiterDecision | null => {
    const today = Math.floor(now() / DAY_MS);
    if (today !== day) {
      day = today;
      count = 0;
    }
    return count >= limit ? { kind: "daily_limit", resetsAt: new Date((day + 1) * DAY_MS) } : null;
  };
  return {
    async acquire(options: AcquireOptions): Promise<LimiterDecision> {
      const before = spent();
      if (before) return before;
      const decision = await inner.acquire(options);
      if (decision.kind !== "go") return decision;
      // Others may have used the day up while this caller waited for its slot.
      const after = spent();
      if (after) return after;
      count++;
      return decision;
    },
    pause: (ms) => inner.pause(ms),
  };
}
