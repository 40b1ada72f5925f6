import { describe, expect, it } from "vitest";
import { GongInputError, type Limiter } from "../src/index.js";
import { type GongFlowsClientOptions, resolveOptions } from "../src/options.js";
import { KEY_PAIR } from "./helpers.js";

const acquire: Limiter["acquire"] = async () => ({ kind: "go" });
const pause: Limiter["pause"] = async () => undefined;

function refusal(options: Record<string, unknown>): GongInputError {
  try {
    resolveOptions({ auth: KEY_PAIR, ...options } as GongFlowsClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(GongInputError);
    return error as GongInputError;
  }
  throw new Error("accepted");
}

describe("the limiter option", () => {
  it.each([
    ["without pause()", { acquire }],
    ["without acquire()", { pause }],
    ["with pause that is not a function", { acquire, pause: 1 }],
    ["that is null", null],
  ])("refuses a limiter %s, naming the field", (_case, limiter) => {
    const error = refusal({ limiter });
    expect([error.message, error.field]).toEqual([
      "limiter must have acquire() and pause() (the Limiter interface)",
      "limiter",
    ]);
  });

  it("keeps a limiter with both methods", () => {
    const limiter: Limiter = { acquire, pause };
    expect(resolveOptions({ auth: KEY_PAIR, limiter }).limiter).toBe(limiter);
  });
});

describe("null for an option that has no off switch", () => {
  it.each([
    ["maxRetries", "an integer from 0 to 10"],
    ["batchSize", "an integer from 1 to 200"],
    ["timeoutMs", "an integer from 100 to 600000"],
  ])("refuses %s: null", (field, range) => {
    const error = refusal({ [field]: null });
    expect([error.message, error.field, error.value]).toEqual([
      `${field} must be ${range}, got object`,
      field,
      null,
    ]);
  });

  it("turns the daily count off with dailyRequestLimit: null, and keeps a given limit", () => {
    expect(resolveOptions({ auth: KEY_PAIR, dailyRequestLimit: null }).dailyRequestLimit).toBeNull();
    expect(resolveOptions({ auth: KEY_PAIR, dailyRequestLimit: 5 }).dailyRequestLimit).toBe(5);
    expect(resolveOptions({ auth: KEY_PAIR }).dailyRequestLimit).toBe(10_000);
  });
});
