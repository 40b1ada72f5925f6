/**
 * The client's limiter interface (`@gong-flows/client`), restated here so this package has no runtime dependency
 * on the client: TypeScript compares the shapes, so a `RedisLimiter` is accepted as the client's `limiter`.
 */
export interface Limiter {
  /**
   * Waits for this caller's start, at most `maxWaitMs`. Resolves `go` (start now), `daily_limit` (the day's
   * requests are used up) or `paused` (starts are held until `until`, beyond `maxWaitMs`). Rejects only when the
   * limiter itself failed (Redis lost), or with the signal's reason when it aborts.
   */
  acquire(options: {
    readonly signal?: AbortSignal | undefined;
    readonly maxWaitMs: number;
  }): Promise<LimiterDecision>;
  /** A 429: holds every start through this limiter, in every process sharing it, for `ms`. */
  pause(ms: number): Promise<void>;
}

export type LimiterDecision =
  | { readonly kind: "go" }
  | { readonly kind: "daily_limit"; readonly resetsAt: Date }
  | { readonly kind: "paused"; readonly until: Date };
