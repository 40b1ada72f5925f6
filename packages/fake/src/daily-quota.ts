const DAY_MS = 86_400_000;

/** Gong's daily request quota: `limit` requests per UTC day, then 429 until the next UTC midnight. */
export class DailyQuota {
  #day = -1;
  #served = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Counts a request, or refuses it with the whole seconds left until the quota resets. */
  take(): { retryAfterSeconds: number } | null {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#served = 0;
    }
    if (this.#served < this.limit) {
      this.#served++;
      return null;
    }
    return { retryAfterSeconds: Math.max(1, Math.ceil(((day + 1) * DAY_MS - now) / 1000)) };
  }
}
