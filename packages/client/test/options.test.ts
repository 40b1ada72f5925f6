import { describe, expect, it } from "vitest";
import { createGongFlowsClient, GongInputError } from "../src/index.js";
import { KEY_PAIR } from "./helpers.js";

const create = (options: Record<string, unknown>) => () =>
  createGongFlowsClient({ auth: KEY_PAIR, ...options } as Parameters<typeof createGongFlowsClient>[0]);

describe("client options", () => {
  it.each([
    ["no auth", { auth: undefined }, "auth", null, /auth is required/],
    ["both auth shapes", { auth: { ...KEY_PAIR, bearerToken: "t" } }, "auth", null, /not both/],
    ["half a key pair", { auth: { accessKey: "k" } }, "auth.accessKeySecret", null, /both be non-empty/],
    ["an empty token", { auth: { bearerToken: "" } }, "auth.bearerToken", null, /bearerToken/],
    [
      "batchSize 201",
      { batchSize: 201 },
      "batchSize",
      "201",
      /^batchSize must be an integer from 1 to 200, got 201$/,
    ],
    [
      "batchSize 0",
      { batchSize: 0 },
      "batchSize",
      "0",
      /^batchSize must be an integer from 1 to 200, got 0$/,
    ],
    [
      "batchSize 1.5",
      { batchSize: 1.5 },
      "batchSize",
      "1.5",
      /^batchSize must be an integer from 1 to 200, got 1.5$/,
    ],
    [
      "batchSize as text",
      { batchSize: "5" },
      "batchSize",
      null,
      /^batchSize must be an integer from 1 to 200, got string$/,
    ],
    [
      "negative maxRetries",
      { maxRetries: -1 },
      "maxRetries",
      "-1",
      /^maxRetries must be an integer from 0 to 10, got -1$/,
    ],
    [
      "maxRetries 11",
      { maxRetries: 11 },
      "maxRetries",
      "11",
      /^maxRetries must be an integer from 0 to 10, got 11$/,
    ],
    [
      "timeoutMs 99",
      { timeoutMs: 99 },
      "timeoutMs",
      "99",
      /^timeoutMs must be an integer from 100 to 600000, got 99$/,
    ],
    ["timeoutMs 600001", { timeoutMs: 600_001 }, "timeoutMs", "600001", /from 100 to 600000, got 600001$/],
    [
      "negative maxRetryAfterSeconds",
      { maxRetryAfterSeconds: -1 },
      "maxRetryAfterSeconds",
      "-1",
      /^maxRetryAfterSeconds must be a number of 0 or more, got -1$/,
    ],
    [
      "maxIsolationRequests 10001",
      { maxIsolationRequests: 10_001 },
      "maxIsolationRequests",
      "10001",
      /from 0 to 10000/,
    ],
    [
      "requestsPerSecond 0",
      { requestsPerSecond: 0 },
      "requestsPerSecond",
      "0",
      /^requestsPerSecond must be a number greater than 0, got 0$/,
    ],
    [
      "requestsPerSecond NaN",
      { requestsPerSecond: Number.NaN },
      "requestsPerSecond",
      "NaN",
      /requestsPerSecond/,
    ],
    ["a fetch that is not a function", { fetch: "fetch" }, "fetch", null, /^fetch must be a function$/],
    [
      "an onRequest that is not a function",
      { onRequest: 1 },
      "onRequest",
      null,
      /^onRequest must be a function$/,
    ],
    ["a base URL with credentials", { baseUrl: "https://u:p@api.gong.io" }, "baseUrl", null, /credentials/],
    ["a base URL with a query", { baseUrl: "https://api.gong.io/?x=1" }, "baseUrl", null, /query/],
    ["a base URL with a fragment", { baseUrl: "https://api.gong.io/#x" }, "baseUrl", null, /fragment/],
    [
      "plain http to a remote host",
      { baseUrl: "http://api.gong.io" },
      "baseUrl",
      "http://api.gong.io",
      /plain http/,
    ],
    ["a non-http scheme", { baseUrl: "ftp://api.gong.io" }, "baseUrl", "ftp://api.gong.io", /https/],
    ["not a URL", { baseUrl: "api.gong.io" }, "baseUrl", "api.gong.io", /not a valid URL/],
    [
      "a misspelt option",
      { requestPerSecond: 100 },
      "requestPerSecond",
      null,
      /^requestPerSecond is not an option of createGongFlowsClient; the options are auth, baseUrl, .*requestsPerSecond/,
    ],
    ["an option of another SDK", { apiKey: "k" }, "apiKey", null, /^apiKey is not an option/],
    [
      "a pasted key of 100 characters",
      { ["x".repeat(100)]: 1 },
      `${"x".repeat(60)}…`,
      null,
      /^x{60}… is not/,
    ],
  ])("refuses %s with a GongInputError naming the field", (_, options, field, value, message) => {
    expect(create(options)).toThrow(GongInputError);
    expect(create(options)).toThrow(TypeError);
    expect(create(options)).toThrow(message);
    expect(create(options)).toThrow(expect.objectContaining({ field, index: null, value }));
  });

  it("accepts every documented option, each given at once", () => {
    const options = {
      baseUrl: "https://api.gong.io",
      maxRetries: 1,
      maxRetryAfterSeconds: 1,
      timeoutMs: 1000,
      batchSize: 10,
      maxIsolationRequests: 1,
      lookupBatchSize: 10,
      allowInsecureHttp: false,
      fetch: globalThis.fetch,
      onRequest: () => {},
    };
    expect(create({ ...options, requestsPerSecond: 1, dailyRequestLimit: 5 })).not.toThrow();
    const limiter = { acquire: async () => ({ kind: "go" }), pause: () => {} };
    expect(create({ ...options, limiter })).not.toThrow();
  });

  it("accepts the edges of every range", () => {
    expect(
      create({ maxRetries: 10, timeoutMs: 100, batchSize: 200, maxIsolationRequests: 10_000 }),
    ).not.toThrow();
    expect(
      create({ maxRetries: 0, timeoutMs: 600_000, batchSize: 1, maxIsolationRequests: 0 }),
    ).not.toThrow();
    expect(create({ requestsPerSecond: null, maxRetryAfterSeconds: 0 })).not.toThrow();
  });

  it.each([
    "http://localhost:4010",
    "http://127.0.0.1:4010",
    "http://127.3.2.1",
    "http://[::1]:8080",
    "https://us-123.api.gong.io/prefix/",
  ])("accepts base URL %s", (baseUrl) => {
    expect(create({ baseUrl })).not.toThrow();
  });

  it("allows plain http elsewhere only when asked", () => {
    expect(create({ baseUrl: "http://gong.internal", allowInsecureHttp: true })).not.toThrow();
  });

  it("keeps a base URL's path prefix", async () => {
    const urls: string[] = [];
    const client = createGongFlowsClient({
      auth: KEY_PAIR,
      baseUrl: "https://proxy.example.com/gong/",
      fetch: (async (input: Parameters<typeof fetch>[0]) => {
        urls.push(String(input));
        return new Response('{"unassignedFlowInstanceIds":["1"]}', { status: 200 });
      }) as typeof fetch,
    });
    await client.unassignFlowInstances(["1"]);
    await client.api.POST("/v2/flows/prospects/unassign-flows-by-instance-id", {
      body: { flowInstanceIds: ["1"] },
    });
    expect(urls).toEqual([
      "https://proxy.example.com/gong/v2/flows/prospects/unassign-flows-by-instance-id",
      "https://proxy.example.com/gong/v2/flows/prospects/unassign-flows-by-instance-id",
    ]);
  });
});
