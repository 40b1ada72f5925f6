import { describe, expect, it } from "vitest";
import { GongInputError } from "../src/index.js";
import { type GongFlowsClientOptions, resolveOptions } from "../src/options.js";
import { KEY_PAIR } from "./helpers.js";

const resolve = (options: Record<string, unknown>) =>
  resolveOptions({ auth: KEY_PAIR, ...options } as GongFlowsClientOptions);

/** The input error `resolveOptions` throws for these options. */
function refusal(options: unknown): GongInputError {
  try {
    resolveOptions(options as GongFlowsClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(GongInputError);
    return error as GongInputError;
  }
  throw new Error("accepted");
}

describe("resolveOptions", () => {
  it("fills every default", () => {
    const resolved = resolve({});
    expect(resolved).toMatchObject({
      baseUrl: "https://api.gong.io",
      maxRetries: 3,
      maxRetryAfterSeconds: 120,
      timeoutMs: 30_000,
      requestsPerSecond: 3,
      batchSize: 200,
      maxIsolationRequests: 64,
      onRequest: undefined,
    });
    expect(resolved.fetch).toBe(globalThis.fetch);
    expect(resolved.auth).toEqual(KEY_PAIR);
  });

  it("keeps given values, pacing off, and the given fetch and observer", () => {
    const fetch = (async () => new Response()) as unknown as typeof globalThis.fetch;
    const onRequest = () => undefined;
    expect(
      resolve({
        baseUrl: "http://127.0.0.1:4010/",
        maxRetries: 0,
        maxRetryAfterSeconds: 0.5,
        timeoutMs: 100,
        requestsPerSecond: null,
        batchSize: 1,
        maxIsolationRequests: 0,
        fetch,
        onRequest,
      }),
    ).toMatchObject({
      baseUrl: "http://127.0.0.1:4010",
      maxRetries: 0,
      maxRetryAfterSeconds: 0.5,
      timeoutMs: 100,
      requestsPerSecond: null,
      batchSize: 1,
      maxIsolationRequests: 0,
      fetch,
      onRequest,
    });
  });

  it("allows plain http to another host only for allowInsecureHttp: true itself", () => {
    expect(resolve({ baseUrl: "http://gong.internal", allowInsecureHttp: true }).baseUrl).toBe(
      "http://gong.internal",
    );
    expect(refusal({ auth: KEY_PAIR, baseUrl: "http://gong.internal", allowInsecureHttp: "yes" }).field).toBe(
      "baseUrl",
    );
  });

  it.each([
    ["batchSize", 201, "batchSize must be an integer from 1 to 200, got 201"],
    ["batchSize", 0, "batchSize must be an integer from 1 to 200, got 0"],
    ["maxRetries", 11, "maxRetries must be an integer from 0 to 10, got 11"],
    ["timeoutMs", 99, "timeoutMs must be an integer from 100 to 600000, got 99"],
    ["requestsPerSecond", 0, "requestsPerSecond must be a number greater than 0, got 0"],
    ["maxRetryAfterSeconds", -1, "maxRetryAfterSeconds must be a number of 0 or more, got -1"],
    ["maxIsolationRequests", 1.5, "maxIsolationRequests must be an integer from 0 to 10000, got 1.5"],
    ["maxRetries", Number.NaN, "maxRetries must be an integer from 0 to 10, got NaN"],
  ])("refuses %s %s, showing the value", (field, value, message) => {
    const error = refusal({ auth: KEY_PAIR, [field]: value });
    expect([error.message, error.field, error.value]).toEqual([message, field, String(value)]);
  });

  it("refuses a number given as text, without showing it", () => {
    const error = refusal({ auth: KEY_PAIR, batchSize: "50" });
    expect([error.message, error.field, error.value]).toEqual([
      "batchSize must be an integer from 1 to 200, got string",
      "batchSize",
      null,
    ]);
  });

  it.each([
    ["fetch", "fetch must be a function"],
    ["onRequest", "onRequest must be a function"],
  ])("refuses a %s that is not a function", (field, message) => {
    const error = refusal({ auth: KEY_PAIR, [field]: "nope" });
    expect([error.message, error.field]).toEqual([message, field]);
  });

  it.each([[null], [undefined], ["auth"]])("refuses options that are not an object: %j", (options) => {
    const error = refusal(options);
    expect([error.message, error.field]).toEqual([
      "createGongFlowsClient needs an options object with auth",
      "options",
    ]);
  });
});
