import { describe, expect, it, vi } from "vitest";
import { fanOut } from "../../src/bulk/fan-out.js";

describe("fanOut", () => {
  it("gives no signal to follow when there is none", () => {
    const follower = fanOut(undefined).follow();
    expect(follower.signal).toBeUndefined();
    expect(() => follower.release()).not.toThrow();
  });

  it("aborts every follower with the source's reason", () => {
    const source = new AbortController();
    const fan = fanOut(source.signal);
    const [a, b] = [fan.follow(), fan.follow()];
    const reason = new Error("stop");
    source.abort(reason);
    expect([a.signal?.aborted, b.signal?.aborted]).toEqual([true, true]);
    expect(a.signal?.reason).toBe(reason);
  });

  it("gives an aborted signal to a follower that comes after the abort", () => {
    const reason = new Error("already");
    const follower = fanOut(AbortSignal.abort(reason)).follow();
    expect(follower.signal?.aborted).toBe(true);
    expect(follower.signal?.reason).toBe(reason);
  });

  it("leaves a released follower alone", () => {
    const source = new AbortController();
    const fan = fanOut(source.signal);
    const released = fan.follow();
    const kept = fan.follow();
    released.release();
    source.abort();
    expect([released.signal?.aborted, kept.signal?.aborted]).toEqual([false, true]);
  });

  it("puts one listener on the source however many follow, and removes it on close", () => {
    const source = new AbortController();
    const add = vi.spyOn(source.signal, "addEventListener");
    const remove = vi.spyOn(source.signal, "removeEventListener");
    const fan = fanOut(source.signal);
    const followers = Array.from({ length: 20 }, () => fan.follow());
    expect(add).toHaveBeenCalledTimes(1);
    fan.close();
    expect(remove).toHaveBeenCalledWith("abort", add.mock.calls[0]?.[1]);
    source.abort();
    expect(followers.some((follower) => follower.signal?.aborted)).toBe(false);
  });
});
