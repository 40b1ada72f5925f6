import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/transport/clock.js";

/** The longest delay setTimeout honours; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

afterEach(() => {
  vi.useRealTimers();
});

/** Whether the promise has settled, after letting pending callbacks run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe("systemClock", () => {
  it("reads a monotonic clock in milliseconds", () => {
    const before = performance.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(performance.now());
  });

  it("sleeps for the time asked", async () => {
    vi.useFakeTimers();
    const sleep = systemClock.sleep(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(sleep)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(sleep)).toBe(true);
  });

  it("resolves a negative wait at once", async () => {
    vi.useFakeTimers();
    expect(await settled(systemClock.sleep(-5))).toBe(true);
  });

  it("takes a wait longer than setTimeout's limit in pieces instead of firing at once", async () => {
    vi.useFakeTimers();
    const sleep = systemClock.sleep(MAX_TIMER_MS + 10);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(await settled(sleep)).toBe(false);
    await vi.advanceTimersByTimeAsync(9);
    expect(await settled(sleep)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(sleep)).toBe(true);
  });

  it("waits exactly setTimeout's limit in one piece", async () => {
    vi.useFakeTimers();
    const sleep = systemClock.sleep(MAX_TIMER_MS);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS - 1);
    expect(await settled(sleep)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(sleep)).toBe(true);
  });

  it("rejects at once with the reason of an already aborted signal", async () => {
    vi.useFakeTimers();
    const reason = new Error("stopped before");
    const sleep = systemClock.sleep(60_000, AbortSignal.abort(reason));
    expect(await settled(sleep)).toBe(true);
    await expect(sleep).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with the signal's reason as soon as it aborts, and clears its timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const sleep = systemClock.sleep(60_000, controller.signal);
    const reason = new Error("stopped during");
    controller.abort(reason);
    expect(await settled(sleep)).toBe(true);
    await expect(sleep).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops listening to the signal once the wait is over", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const sleep = systemClock.sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await sleep;
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    controller.abort(new Error("too late"));
    await expect(sleep).resolves.toBeUndefined();
  });
});
