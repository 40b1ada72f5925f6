/** A follower of a shared signal, released when its request is done. */
export interface Follower {
  readonly signal: AbortSignal | undefined;
  release(): void;
}

/**
 * Many short-lived followers of one signal, with one listener on it: a run's concurrent requests then never stack
 * listeners on the caller's signal (Node warns past 10), and no runtime-specific `setMaxListeners` is needed.
 */
export function fanOut(source: AbortSignal | undefined) {
  const followers = new Set<AbortController>();
  const onAbort = () => {
    for (const follower of followers) follower.abort(source?.reason);
  };
  source?.addEventListener("abort", onAbort, { once: true });
  return {
    follow(): Follower {
      if (source === undefined) return { signal: undefined, release: () => undefined };
      const controller = new AbortController();
      if (source.aborted) controller.abort(source.reason);
      else followers.add(controller);
      return { signal: controller.signal, release: () => followers.delete(controller) };
    },
    close(): void {
      source?.removeEventListener("abort", onAbort);
    },
  };
}
