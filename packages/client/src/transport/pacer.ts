import type { Clock } from "./clock.js";

/**
 * Spaces request starts at least `1 / requestsPerSecond` apart, and holds every start while a 429's
 * `Retry-After` runs. It paces starts, not completions, so slow answers do not lower the rate.
 */
export class Pacer {
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
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      const slot = Math.max(now, this.#nextSlot, this.#pausedUntil);
      this.#nextSlot = slot + this.#intervalMs;
      // Timers may fire a little early: sleep until the slot has really come.
      for (let left = slot - now; left > 0; left = slot - this.#clock.now())
        await this.#clock.sleep(left, signal);
      // A 429 may have arrived while this caller slept: take a new slot after the pause.
      if (this.#pausedUntil <= this.#clock.now()) return;
    }
  }

  /** Until when starts are held (on the clock's scale); in the past when they are not. */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** Holds all starts until `time` (on the clock's scale). */
  pauseUntil(time: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, time);
  }
}
