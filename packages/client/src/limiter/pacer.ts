import type { Clock } from "../transport/clock.js";
import type { AcquireOptions, Limiter, LimiterDecision } from "./limiter.js";

const GO: LimiterDecision = { kind: "go" };

/**
 * The in-process {@link Limiter}: spaces request starts at least `1 / requestsPerSecond` apart, and holds every
 * start while a 429's `Retry-After` runs. It paces starts, not completions, so slow answers do not lower the rate.
 */
export class Pacer implements Limiter {
  readonly #intervalMs: number;
  readonly #clock: Clock;
  #nextSlot = Number.NEGATIVE_INFINITY;
  #pausedUntil = Number.NEGATIVE_INFINITY;

  /** `requestsPerSecond: null` switches spacing off; pauses after a 429 still apply. */
  constructor(requestsPerSecond: number | null, clock: Clock) {
    this.#intervalMs = requestsPerSecond === null ? 0 : 1000 / requestsPerSecond;
    this.#clock = clock;
  }

  /** Waits for this caller's start slot. Slots are reserved in call order, so waiters never burst together. */
  async acquire({ signal, maxWaitMs }: AcquireOptions): Promise<LimiterDecision> {
    for (;;) {
      const now = this.#clock.now();
      const pausedMs = this.#pausedUntil - now;
      if (pausedMs > maxWaitMs) return { kind: "paused", until: new Date(Date.now() + pausedMs) };
      const slot = Math.max(now, this.#nextSlot, this.#pausedUntil);
      this.#nextSlot = slot + this.#intervalMs;
      // Timers may fire a little early: sleep until the slot has really come.
      for (let left = slot - now; left > 0; left = slot - this.#clock.now())
        await this.#clock.sleep(left, signal);
      // A 429 may have arrived while this caller slept: take a new slot after the pause, or give up on a long one.
      if (this.#pausedUntil <= this.#clock.now()) return GO;
    }
  }

  async pause(ms: number): Promise<void> {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + ms);
  }
}

/** The default limiter: in this process only, on the given clock. */
export function createPacer(requestsPerSecond: number | null, clock: Clock): Limiter {
  return new Pacer(requestsPerSecond, clock);
}
