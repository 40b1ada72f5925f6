import { describe, expect, it } from "vitest";
import { createGongFlowsClient } from "../src/index.js";
import { KEY_PAIR } from "./helpers.js";

const create = (options: Record<string, unknown>) => () =>
  createGongFlowsClient({ auth: KEY_PAIR, ...options } as Parameters<typeof createGongFlowsClient>[0]);

describe("client options", () => {
  it.each([
    ["no auth", { auth: undefined }, TypeError, /auth is required/],
    ["both auth shapes", { auth: { ...KEY_PAIR, bearerToken: "t" } }, TypeError, /not both/],
    ["half a key pair", { auth: { accessKey: "k" } }, TypeError, /both be non-empty/],
    ["an empty token", { auth: { bearerToken: "" } }, TypeError, /bearerToken/],
    ["batchSize 201", { batchSize: 201 }, RangeError, /batchSize must be between 1 and 200/],
    ["batchSize 0", { batchSize: 0 }, RangeError, /batchSize/],
    ["batchSize 1.5", { batchSize: 1.5 }, TypeError, /batchSize must be an integer/],
    ["negative maxRetries", { maxRetries: -1 }, RangeError, /maxRetries/],
    ["zero timeoutMs", { timeoutMs: 0 }, RangeError, /timeoutMs/],
    ["requestsPerSecond 0", { requestsPerSecond: 0 }, RangeError, /requestsPerSecond/],
    ["requestsPerSecond NaN", { requestsPerSecond: Number.NaN }, TypeError, /requestsPerSecond/],
    ["a base URL with credentials", { baseUrl: "https://u:p@api.gong.io" }, TypeError, /credentials/],
    ["a base URL with a query", { baseUrl: "https://api.gong.io/?x=1" }, TypeError, /query/],
    ["a base URL with a fragment", { baseUrl: "https://api.gong.io/#x" }, TypeError, /fragment/],
    ["plain http to a remote host", { baseUrl: "http://api.gong.io" }, TypeError, /plain http/],
    ["a non-http scheme", { baseUrl: "ftp://api.gong.io" }, TypeError, /https/],
    ["not a URL", { baseUrl: "api.gong.io" }, TypeError, /not a valid URL/],
  ])("refuses %s", (_, options, type, message) => {
    expect(create(options)).toThrow(type);
    expect(create(options)).toThrow(message);
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
