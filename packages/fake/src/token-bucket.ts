/**
 * A rate limiter like a real API's: `rate` tokens per second, up to `rate` stored, so a client that starts
 * requests exactly at the rate never runs dry even when the network jitters its arrivals.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    private readonly rate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = rate;
    this.#updatedAt = now();
  }

  /** Takes a token, or returns the whole seconds to wait for one. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    this.#tokens = Math.min(this.rate, this.#tokens + ((now - this.#updatedAt) / 1000) * this.rate);
    this.#updatedAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.#tokens) / this.rate)) };
  }
}
