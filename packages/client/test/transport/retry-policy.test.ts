import { describe, expect, it } from "vitest";
import { decideRetry, MAX_PAUSE_MS } from "../../src/transport/retry-policy.js";

const policy = { maxRetries: 2, maxRetryAfterSeconds: 60, random: () => 0 };
const status = (code: number, retryAfterSeconds: number | null = null) =>
  ({ kind: "status", status: code, retryAfterSeconds }) as const;

describe("decideRetry, the retry decision apart from the waiting", () => {
  it.each([
    ["a 429 with Retry-After", status(429, 2), 1, { kind: "retry", waitMs: 2_000, pauseAllMs: 2_000 }],
    [
      "a 429 without Retry-After (backoff)",
      status(429),
      2,
      { kind: "retry", waitMs: 1_000, pauseAllMs: 1_000 },
    ],
    ["a 429 past the wait cap", status(429, 61), 1, { kind: "give_up", pauseAllMs: 61_000 }],
    ["a 429 at the wait cap", status(429, 60), 1, { kind: "retry", waitMs: 60_000, pauseAllMs: 60_000 }],
    ["a 429 of a year", status(429, 31_536_000), 1, { kind: "give_up", pauseAllMs: MAX_PAUSE_MS }],
    ["a 429 with retries spent", status(429, 1), 3, { kind: "give_up", pauseAllMs: 1_000 }],
    ["a 500", status(500), 1, { kind: "retry", waitMs: 500, pauseAllMs: 0 }],
    ["a 502", status(502), 2, { kind: "retry", waitMs: 1_000, pauseAllMs: 0 }],
    ["a 503", status(503), 3, { kind: "give_up", pauseAllMs: 0 }],
    ["a 504", status(504), 1, { kind: "retry", waitMs: 500, pauseAllMs: 0 }],
    ["a 501", status(501), 1, { kind: "give_up", pauseAllMs: 0 }],
    ["a 400", status(400), 1, { kind: "give_up", pauseAllMs: 0 }],
    ["a 401", status(401), 1, { kind: "give_up", pauseAllMs: 0 }],
    ["no answer", { kind: "no_answer" } as const, 1, { kind: "retry", waitMs: 500, pauseAllMs: 0 }],
    ["no answer, retries spent", { kind: "no_answer" } as const, 3, { kind: "give_up", pauseAllMs: 0 }],
    ["an unreadable answer", { kind: "unreadable" } as const, 1, { kind: "give_up", pauseAllMs: 0 }],
  ])("%s", (_, failure, attempt, decision) => {
    expect(decideRetry(failure, attempt, policy)).toEqual(decision);
  });

  it("caps backoff near 8 s and takes up to a quarter off as jitter", () => {
    const many = { maxRetries: 20, maxRetryAfterSeconds: 60, random: () => 1 };
    expect(decideRetry({ kind: "no_answer" }, 10, many)).toEqual({
      kind: "retry",
      waitMs: 6_000,
      pauseAllMs: 0,
    });
    expect(decideRetry({ kind: "no_answer" }, 3, many)).toEqual({
      kind: "retry",
      waitMs: 1_500,
      pauseAllMs: 0,
    });
  });
});
