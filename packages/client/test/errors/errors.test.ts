import { describe, expect, it } from "vitest";
import { errorFromResponse } from "../../src/errors.js";
import {
  GongApiError,
  GongAuthenticationError,
  GongBadRequestError,
  GongConnectionError,
  GongHttpError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
} from "../../src/index.js";
import { json, KEY_PAIR, testClient } from "../helpers.js";

/** The report of a one-id bulk run that gets one scripted answer. */
async function errorFor(response: () => Response) {
  const { client } = testClient({
    fetch: (async () => response()) as unknown as typeof fetch,
    maxRetries: 0,
  });
  return client.unassignFlowInstances(["1"]);
}

describe("error classes", () => {
  it.each([
    [400, "bad_request"],
    [401, "authentication"],
    [403, "authentication"],
    [404, "http"],
    [429, "rate_limit"],
    [500, "server"],
    [503, "server"],
  ])("maps %i to kind %s", async (status, kind) => {
    const report = await errorFor(() => json(status, { requestId: "rid", errors: ["said"] }));
    expect(report.errors[0]).toMatchObject({ kind, status, requestId: "rid", messages: ["said"] });
  });

  it("takes requestId from x-traceid when the body has none", async () => {
    const report = await errorFor(() => json(500, { errors: [] }, { "x-traceid": "trace-1" }));
    expect(report.errors[0]?.requestId).toBe("trace-1");
    expect(report.requestIds).toEqual(["trace-1"]);
  });

  it("still types an HTML 502 from a proxy", async () => {
    const report = await errorFor(
      () =>
        new Response("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
    );
    expect(report.errors[0]).toMatchObject({ kind: "server", status: 502, requestId: null, messages: [] });
    expect(report.unknown).toEqual(["1"]);
  });

  it("names the api:flows:write scope for a Bearer 403, and not for Basic", () => {
    const response = json(403, { errors: ["forbidden"] });
    const bearer = errorFromResponse(response, '{"errors":["forbidden"]}', (t) => t, {
      scheme: "bearer",
      retryAfter: null,
    });
    expect(bearer).toBeInstanceOf(GongAuthenticationError);
    expect(bearer.message).toContain("api:flows:write");
    const basic = errorFromResponse(response, "{}", (t) => t, { scheme: "basic", retryAfter: null });
    expect(basic.message).not.toContain("api:flows:write");
  });

  it("carries retryAfter on a rate-limit error", () => {
    const error = errorFromResponse(json(429, {}), "{}", (t) => t, { scheme: "basic", retryAfter: 7 });
    expect(error).toBeInstanceOf(GongRateLimitError);
    expect((error as GongRateLimitError).retryAfter).toBe(7);
  });

  it("gives every class its kind and keeps the base class", () => {
    const classes = [
      new GongBadRequestError("bad_request", "m"),
      new GongAuthenticationError("authentication", "m"),
      new GongRateLimitError("m", { retryAfter: 3 }),
      new GongServerError("server", "m"),
      new GongHttpError("http", "m"),
      new GongConnectionError("connection", "m"),
      new GongTimeoutError("timeout", "m"),
    ];
    for (const error of classes) expect(error).toBeInstanceOf(GongApiError);
    expect((classes[2] as GongRateLimitError).retryAfter).toBe(3);
  });
});

describe("secrets never leak", () => {
  const secrets = [
    KEY_PAIR.accessKeySecret,
    KEY_PAIR.accessKey,
    Buffer.from(`${KEY_PAIR.accessKey}:${KEY_PAIR.accessKeySecret}`).toString("base64"),
  ];

  it("redacts credentials a server echoes back in messages and request ids", async () => {
    const basic = Buffer.from(`${KEY_PAIR.accessKey}:${KEY_PAIR.accessKeySecret}`).toString("base64");
    const { client } = testClient({
      fetch: (async () =>
        json(401, {
          requestId: `echo-${KEY_PAIR.accessKeySecret}`,
          errors: [`bad header Basic ${basic}`, `key ${KEY_PAIR.accessKey}`],
        })) as unknown as typeof fetch,
    });
    const report = await client.unassignFlowInstances(["1"]);
    const text = JSON.stringify(report);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain("[REDACTED]");
  });

  it("redacts credentials echoed in an error body that api returns", async () => {
    const { client } = testClient({
      fetch: (async () =>
        json(401, {
          requestId: "r",
          errors: [`bad secret ${KEY_PAIR.accessKeySecret}`],
        })) as unknown as typeof fetch,
    });
    const { error } = await client.api.POST("/v2/flows/prospects/unassign-flows-by-instance-id", {
      body: { flowInstanceIds: ["1"] },
    });
    expect(error?.errors).toEqual(["bad secret [REDACTED]"]);
  });

  it("keeps the token out of a Bearer error", async () => {
    const token = "very-secret-oauth-token";
    const { client } = testClient({
      auth: { bearerToken: token },
      fetch: (async () => json(403, { errors: [`token ${token} lacks scope`] })) as unknown as typeof fetch,
    });
    const report = await client.unassignFlowInstances(["1"]);
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it("shows observers the request with Authorization redacted", async () => {
    const seen: string[] = [];
    const { client } = testClient({
      fetch: (async () => json(200, { unassignedFlowInstanceIds: ["1"] })) as unknown as typeof fetch,
      onRequest: (request) => seen.push(JSON.stringify(request)),
    });
    await client.unassignFlowInstances(["1"]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('"authorization":"[REDACTED]"');
    for (const secret of secrets) expect(seen[0]).not.toContain(secret);
  });

  it("keeps credentials out of option errors", () => {
    expect(() => testClient({ auth: { accessKey: KEY_PAIR.accessKey, accessKeySecret: "" } })).toThrow(
      /accessKeySecret must both be non-empty/,
    );
    try {
      testClient({ auth: { accessKey: KEY_PAIR.accessKey, bearerToken: "tok-123456" } as never });
    } catch (error) {
      expect(String(error)).not.toContain(KEY_PAIR.accessKey);
      expect(String(error)).not.toContain("tok-123456");
    }
  });
});
