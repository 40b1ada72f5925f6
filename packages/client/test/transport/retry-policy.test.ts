import { afterEach, describe, expect, it } from "vitest";
import { backoffMs, decideRetry, MAX_PAUSE_MS, parseRetryAfter } from "../../src/transport/retry-policy.js";

const NOW = Date.parse("2026-11-30T10:00:00Z");

describe("backoffMs", () => {
  it("starts at 0.5 s and doubles per retry up to 8 s", () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffMs(retry, none))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it("takes off up to a quarter as jitter", () => {
    expect(backoffMs(0, () => 1)).toBe(375);
    expect(backoffMs(0, () => 0.5)).toBe(437.5);
    expect(backoffMs(6, () => 1)).toBe(6_000);
  });
});

describe("parseRetryAfter in seconds", () => {
  it.each([
    ["0", 0],
    ["5", 5],
    ["120", 120],
    [" 7 ", 7],
    ["1.5", 1.5],
    ["12.5", 12.5],
    [".25", 0.25],
    ["3.", 3],
    ["-3", 0],
    ["-0.5", 0],
  ])("reads %j as %j", (header, seconds) => {
    expect(parseRetryAfter(header, NOW)).toBe(seconds);
  });

  it.each(["", " ", "5s", "+5", "1e3", "0x10", "5 5", "1.2.3", "-", ".", "Infinity", "NaN"])(
    "does not read %j (the caller falls back to backoff)",
    (header) => {
      expect(parseRetryAfter(header, NOW)).toBeNull();
    },
  );

  it("has nothing to read without the header", () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe("parseRetryAfter as an HTTP date", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ["IMF-fixdate", "Mon, 30 Nov 2026 10:00:30 GMT"],
    ["RFC 850", "Monday, 30-Nov-26 10:00:30 GMT"],
    ["asctime", "Mon Nov 30 10:00:30 2026"],
  ])("reads the %s form as the seconds until then", (_form, header) => {
    expect(parseRetryAfter(header, NOW)).toBe(30);
  });

  it("reads asctime's single-digit day, padded with a space", () => {
    expect(parseRetryAfter("Tue Dec  1 10:00:00 2026", NOW)).toBe(24 * 60 * 60);
  });

  it("keeps the milliseconds between now and the date", () => {
    expect(parseRetryAfter("Mon, 30 Nov 2026 10:00:02 GMT", NOW + 500)).toBe(1.5);
  });

  it("reads a date in the past as now", () => {
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("Mon, 30 Nov 2026 09:59:59 GMT", NOW)).toBe(0);
  });

  it("reads asctime as GMT, as HTTP dates are, whatever the local time zone", () => {
    process.env.TZ = "America/New_York";
    expect(parseRetryAfter("Mon Nov 30 10:00:30 2026", NOW)).toBe(30);
    process.env.TZ = "Asia/Kolkata";
    expect(parseRetryAfter("Mon Nov 30 10:00:30 2026", NOW)).toBe(30);
  });

  it.each([
    ["a day that does not exist", "Mon, 99 Nov 2026 10:00:30 GMT"],
    ["an hour that does not exist", "Mon, 30 Nov 2026 25:00:30 GMT"],
    ["a month that does not exist", "Mon, 30 Foo 2026 10:00:30 GMT"],
    ["the 31st of a 30-day month", "Thu, 31 Nov 2026 10:00:30 GMT"],
    ["the 29th of February in a common year", "Sun, 29-Feb-26 10:00:30 GMT"],
    ["the 30th of February, in asctime", "Mon Feb 30 10:00:30 2026"],
    ["hour 24", "Mon, 30 Nov 2026 24:00:00 GMT"],
  ])("reads a well-formed date with %s as absent, never as NaN", (_case, header) => {
    expect(parseRetryAfter(header, NOW)).toBeNull();
  });

  it.each([
    ["no weekday", "30 Nov 2026 10:00:30 GMT"],
    ["a zone other than GMT", "Mon, 30 Nov 2026 10:00:30 UTC"],
    ["an ISO date", "2026-11-30T10:00:30Z"],
    ["a one-digit day", "Mon, 3 Nov 2026 10:00:30 GMT"],
    ["a two-digit year", "Mon, 30 Nov 26 10:00:30 GMT"],
    ["no comma after the weekday", "Mon 30 Nov 2026 10:00:30 GMT"],
    ["a one-digit hour", "Mon, 30 Nov 2026 9:00:30 GMT"],
    ["text before it", "at Mon, 30 Nov 2026 10:00:30 GMT"],
    ["text after it", "Mon, 30 Nov 2026 10:00:30 GMT!"],
    ["an RFC 850 date with a four-digit year", "Monday, 30-Nov-2026 10:00:30 GMT"],
    ["an RFC 850 date without GMT", "Monday, 30-Nov-26 10:00:30"],
    ["an asctime date with a zone", "Mon Nov 30 10:00:30 2026 GMT"],
    ["an asctime date with a two-digit year", "Mon Nov 30 10:00:30 26"],
  ])("does not read a date with %s", (_case, header) => {
    expect(parseRetryAfter(header, NOW)).toBeNull();
  });
});

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

describe("decideRetry at its edges", () => {
  it("never re-sends an answer whose body could not be read", () => {
    expect(decideRetry({ kind: "unreadable" }, 1, policy)).toEqual({ kind: "give_up", pauseAllMs: 0 });
  });

  it("retries no answer after backoff, up to maxRetries retries", () => {
    expect(decideRetry({ kind: "no_answer" }, 1, policy)).toEqual({
      kind: "retry",
      waitMs: 500,
      pauseAllMs: 0,
    });
    expect(decideRetry({ kind: "no_answer" }, 2, policy)).toEqual({
      kind: "retry",
      waitMs: 1_000,
      pauseAllMs: 0,
    });
    expect(decideRetry({ kind: "no_answer" }, 3, policy)).toEqual({ kind: "give_up", pauseAllMs: 0 });
  });

  it("gives up at once with no retries allowed", () => {
    const none = { ...policy, maxRetries: 0 };
    expect(decideRetry({ kind: "no_answer" }, 1, none)).toEqual({ kind: "give_up", pauseAllMs: 0 });
    expect(decideRetry(status(429, 2), 1, none)).toEqual({ kind: "give_up", pauseAllMs: 2_000 });
  });

  it.each([500, 502, 503, 504])("retries %i after backoff", (code) => {
    expect(decideRetry(status(code), 2, policy)).toEqual({ kind: "retry", waitMs: 1_000, pauseAllMs: 0 });
    expect(decideRetry(status(code), 3, policy)).toEqual({ kind: "give_up", pauseAllMs: 0 });
  });

  it.each([400, 401, 403, 404, 408, 409, 501, 505, 302])("never retries %i", (code) => {
    expect(decideRetry(status(code, 1), 1, policy)).toEqual({ kind: "give_up", pauseAllMs: 0 });
  });

  it("waits a 429's Retry-After, and holds every start as long", () => {
    expect(decideRetry(status(429, 5), 1, policy)).toEqual({
      kind: "retry",
      waitMs: 5_000,
      pauseAllMs: 5_000,
    });
    expect(decideRetry(status(429, 0), 1, policy)).toEqual({ kind: "retry", waitMs: 0, pauseAllMs: 0 });
  });

  it("backs off after a 429 without Retry-After, and holds every start as long", () => {
    expect(decideRetry(status(429), 2, policy)).toEqual({ kind: "retry", waitMs: 1_000, pauseAllMs: 1_000 });
  });

  it("still holds every start when a 429 spends the last retry", () => {
    expect(decideRetry(status(429, 5), 3, policy)).toEqual({ kind: "give_up", pauseAllMs: 5_000 });
  });

  it("waits a Retry-After of exactly maxRetryAfterSeconds, and not one beyond it", () => {
    expect(decideRetry(status(429, 60), 1, policy)).toEqual({
      kind: "retry",
      waitMs: 60_000,
      pauseAllMs: 60_000,
    });
    expect(decideRetry(status(429, 61), 1, policy)).toEqual({ kind: "give_up", pauseAllMs: 61_000 });
  });

  it("holds starts a day at most, whatever the server asks", () => {
    expect(MAX_PAUSE_MS).toBe(86_400_000);
    expect(decideRetry(status(429, 10 ** 9), 1, policy)).toEqual({
      kind: "give_up",
      pauseAllMs: MAX_PAUSE_MS,
    });
    const patient = { ...policy, maxRetryAfterSeconds: 10 ** 6 };
    expect(decideRetry(status(429, 200_000), 1, patient)).toEqual({
      kind: "retry",
      waitMs: 200_000_000,
      pauseAllMs: MAX_PAUSE_MS,
    });
  });

  it("uses the policy's jitter", () => {
    const jittery = { ...policy, random: () => 1 };
    expect(decideRetry({ kind: "no_answer" }, 1, jittery)).toEqual({
      kind: "retry",
      waitMs: 375,
      pauseAllMs: 0,
    });
  });
});
