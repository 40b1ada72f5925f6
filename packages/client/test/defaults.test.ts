import { describe, expect, it } from "vitest";
import {
  describeRange,
  inRange,
  MAX_ID_LENGTH,
  MAX_IDS_PER_REQUEST,
  OPTION_RANGES,
} from "../src/defaults.js";
import { MAX_RESPONSE_BYTES } from "../src/engine.js";

describe("limits", () => {
  it("takes the batch limit from the spec and sizes the largest readable answer from it", () => {
    expect(MAX_IDS_PER_REQUEST).toBe(200);
    expect(MAX_ID_LENGTH).toBe(256);
    expect(MAX_RESPONSE_BYTES).toBe(4 * (200 * (256 + 3) + 1024));
  });

  it("has one default and range per numeric option", () => {
    expect(OPTION_RANGES).toEqual({
      maxRetries: { default: 3, min: 0, max: 10, integer: true },
      maxRetryAfterSeconds: { default: 120, min: 0, max: Number.POSITIVE_INFINITY },
      timeoutMs: { default: 30_000, min: 100, max: 600_000, integer: true },
      requestsPerSecond: { default: 3, min: 0, max: Number.POSITIVE_INFINITY, exclusiveMin: true },
      batchSize: { default: 200, min: 1, max: 200, integer: true },
      maxIsolationRequests: { default: 64, min: 0, max: 10_000, integer: true },
    });
  });
});

describe("describeRange", () => {
  it.each([
    ["maxRetries", "an integer from 0 to 10"],
    ["maxRetryAfterSeconds", "a number of 0 or more"],
    ["timeoutMs", "an integer from 100 to 600000"],
    ["requestsPerSecond", "a number greater than 0"],
    ["batchSize", "an integer from 1 to 200"],
  ] as const)("reads the range of %s as %j", (option, text) => {
    expect(describeRange(OPTION_RANGES[option])).toBe(text);
  });
});

describe("inRange", () => {
  const whole = { default: 1, min: 1, max: 200, integer: true };
  const positive = OPTION_RANGES.requestsPerSecond;

  it("includes both ends of an inclusive range", () => {
    expect([0, 1, 2, 199, 200, 201].map((value) => inRange(value, whole))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("excludes an exclusive minimum", () => {
    expect([-1, 0, 0.001, 1e9].map((value) => inRange(value, positive))).toEqual([false, false, true, true]);
  });

  it("refuses a fraction where a whole number is asked, and accepts it elsewhere", () => {
    expect(inRange(1.5, whole)).toBe(false);
    expect(inRange(1.5, positive)).toBe(true);
  });

  it("refuses what is not a finite number, even without an upper bound", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(inRange(value, positive)).toBe(false);
      expect(inRange(value, OPTION_RANGES.maxRetryAfterSeconds)).toBe(false);
    }
  });
});
