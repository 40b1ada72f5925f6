/**
 * What the transport asks before every HTTP attempt, and tells after a 429. The in-process pacer
 * ({@link createPacer}) is the default; a shared implementation (e.g. `@gong-flows/limiter-redis`) lets several
 * processes keep one rate, one 429 pause and one daily count.
 */
export interface Limiter {
  /**
   * Waits until one HTTP attempt may start (every attempt, retries included, asks once). Rejects with the signal's
   * reason when `signal` aborts; otherwise only when the limiter itself failed (e.g. its store is lost): the run
   * then stops, in-flight ids unknown, the rest skipped.
   */
  acquire(options: AcquireOptions): Promise<LimiterDecision>;
  /** A 429 arrived: every start through this limiter (all processes sharing it) is held for `ms`. */
  pause(ms: number): Promise<void>;
}

/** What {@link Limiter.acquire} is told. */
export interface AcquireOptions {
  readonly signal?: AbortSignal | undefined;
  /** The longest this caller will wait; a longer hold is answered with a `paused` decision at once. */
  readonly maxWaitMs: number;
}

/** The limiter's answer: start now, or stop because starts are held for longer than the caller waits. */
export type LimiterDecision =
  | { readonly kind: "go" }
  /** The day's request count is spent. */
  | { readonly kind: "daily_limit"; readonly resetsAt: Date }
  /** Held longer than `maxWaitMs` (e.g. Gong's long quota 429). */
  | { readonly kind: "paused"; readonly until: Date };
