import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/limiter/pacer.js";
import { virtualClock } from "../helpers.js";

const WAIT_ANY = { maxWaitMs: Number.POSITIVE_INFINITY };

describe("Pacer", () => {
  it("spaces starts 1/rate apart, in call order", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(4, clock);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => pacer.acquire(WAIT_ANY).then(() => starts.push(clock.now()))),
    );
    expect(starts).toEqual([0, 250, 500, 750, 1000]);
  });

  it("holds every start during a pause and keeps the spacing after it", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(2, clock);
    await pacer.acquire(WAIT_ANY);
    await pacer.pause(5_000);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 3 }, () => pacer.acquire(WAIT_ANY).then(() => starts.push(clock.now()))),
    );
    expect(starts).toEqual([5_000, 5_500, 6_000]);
  });

  it("does not space starts when pacing is off, but still pauses", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(null, clock);
    await pacer.acquire(WAIT_ANY);
    await pacer.acquire(WAIT_ANY);
    expect(clock.now()).toBe(0);
    await pacer.pause(1_000);
    await pacer.acquire(WAIT_ANY);
    expect(clock.now()).toBe(1_000);
  });
});

describe("pacing with timers that fire early", () => {
  it("never starts before the slot", async () => {
    const inner = virtualClock();
    // A clock whose timers wake 1 ms early, as Node's sometimes do against performance.now().
    const early = {
      ...inner,
      sleep: (ms: number, signal?: AbortSignal) => inner.sleep(ms > 1 ? ms - 1 : ms, signal),
    };
    const pacer = new Pacer(3, early);
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pacer.acquire(WAIT_ANY);
      starts.push(inner.now());
    }
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000 / 3 - 1e-9);
  });
});

describe("the pacer as a Limiter", () => {
  it("answers go for a start it allowed", async () => {
    const pacer = new Pacer(1, virtualClock());
    await expect(pacer.acquire(WAIT_ANY)).resolves.toEqual({ kind: "go" });
  });

  it("answers paused at once, with the end of the pause, when the hold is longer than the caller waits", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(1, clock);
    await pacer.pause(30_000);
    const before = Date.now();
    const decision = await pacer.acquire({ maxWaitMs: 29_999 });
    const after = Date.now();
    expect(decision.kind).toBe("paused");
    const until = decision.kind === "paused" ? decision.until.getTime() : 0;
    expect(until).toBeGreaterThanOrEqual(before + 30_000);
    expect(until).toBeLessThanOrEqual(after + 30_000);
    expect(clock.sleeps).toEqual([]);
  });

  it("waits out a hold exactly as long as the caller waits", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(1, clock);
    await pacer.pause(30_000);
    await expect(pacer.acquire({ maxWaitMs: 30_000 })).resolves.toEqual({ kind: "go" });
    expect(clock.now()).toBe(30_000);
  });

  it("gives up on a long pause that arrives while the caller waits for its slot", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(1, clock);
    await pacer.acquire(WAIT_ANY);
    const waiting = pacer.acquire({ maxWaitMs: 5_000 });
    await pacer.pause(60_000);
    const decision = await waiting;
    expect(decision.kind).toBe("paused");
    expect(clock.now()).toBe(1_000);
  });

  it("keeps the longer of two pauses", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(null, clock);
    await pacer.pause(2_000);
    await pacer.pause(500);
    await pacer.acquire(WAIT_ANY);
    expect(clock.now()).toBe(2_000);
  });

  it("rejects with the signal's reason when the caller aborts while waiting", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(1, clock);
    await pacer.acquire(WAIT_ANY);
    const controller = new AbortController();
    const waiting = pacer.acquire({ signal: controller.signal, maxWaitMs: 10_000 });
    controller.abort(new Error("caller gave up"));
    await expect(waiting).rejects.toThrow("caller gave up");
  });
});

describe("Pacer: holds longer than the caller waits", () => {
  it("answers paused at once, with when the hold ends", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(null, clock);
    await pacer.pause(5_000);
    const before = Date.now();
    const decision = await pacer.acquire({ maxWaitMs: 4_999 });
    const after = Date.now();
    expect(decision.kind).toBe("paused");
    const until = decision.kind === "paused" ? decision.until.getTime() : 0;
    expect(until).toBeGreaterThanOrEqual(before + 5_000);
    expect(until).toBeLessThanOrEqual(after + 5_000);
    expect(clock.now()).toBe(0);
  });

  it("waits a hold of exactly maxWaitMs", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(null, clock);
    await pacer.pause(5_000);
    expect(await pacer.acquire({ maxWaitMs: 5_000 })).toEqual({ kind: "go" });
    expect(clock.now()).toBe(5_000);
  });

  it("keeps the longer of two pauses", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(null, clock);
    await pacer.pause(5_000);
    await pacer.pause(1_000);
    await pacer.acquire(WAIT_ANY);
    expect(clock.now()).toBe(5_000);
  });

  it("gives up on a pause that arrives while the caller waits for its slot", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(1, clock);
    await pacer.acquire({ maxWaitMs: 10_000 });
    const second = pacer.acquire({ maxWaitMs: 10_000 });
    await pacer.pause(60_000);
    expect((await second).kind).toBe("paused");
  });

  it("starts after a pause that arrives while the caller waits, when it is short enough", async () => {
    const clock = virtualClock();
    const pacer = new Pacer(1, clock);
    await pacer.acquire(WAIT_ANY);
    const second = pacer.acquire({ maxWaitMs: 10_000 });
    await pacer.pause(3_000);
    expect(await second).toEqual({ kind: "go" });
    expect(clock.now()).toBe(3_000);
  });
});
