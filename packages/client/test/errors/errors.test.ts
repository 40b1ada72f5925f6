import { describe, expect, it } from "vitest";
import {
  GongApiError,
  GongAuthenticationError,
  GongBadRequestError,
  GongConnectionError,
  GongDailyLimitError,
  GongHttpError,
  GongInvalidResponseError,
  GongLimiterError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
} from "../../src/index.js";
import { errorFromResponse } from "../../src/transport/answer-error.js";
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

  it("gives every class its own kind and keeps the base class", () => {
    const classes: [GongApiError, string, string][] = [
      [new GongBadRequestError("m"), "bad_request", "GongBadRequestError"],
      [new GongAuthenticationError("m"), "authentication", "GongAuthenticationError"],
      [new GongRateLimitError("m", { retryAfter: 3 }), "rate_limit", "GongRateLimitError"],
      [new GongDailyLimitError("m", { resetsAt: new Date(0) }), "daily_limit", "GongDailyLimitError"],
      [new GongLimiterError("m"), "limiter", "GongLimiterError"],
      [new GongServerError("m"), "server", "GongServerError"],
      [new GongHttpError("m"), "http", "GongHttpError"],
      [new GongConnectionError("m"), "connection", "GongConnectionError"],
      [new GongTimeoutError("m"), "timeout", "GongTimeoutError"],
      [new GongInvalidResponseError("m"), "invalid_response", "GongInvalidResponseError"],
    ];
    for (const [error, kind, name] of classes) {
      expect(error).toBeInstanceOf(GongApiError);
      expect(error).toBeInstanceOf(Error);
      expect([error.kind, error.name, error.message, error.status, error.requestId]).toEqual([
        kind,
        name,
        "m",
        null,
        null,
      ]);
      expect(error.messages).toEqual([]);
    }
    expect(new GongRateLimitError("m", { retryAfter: 3 }).retryAfter).toBe(3);
    expect(new GongDailyLimitError("m", { resetsAt: new Date(0) }).resetsAt).toEqual(new Date(0));
  });

  it("keeps status, request id, messages and cause", () => {
    const cause = new Error("inner");
    const error = new GongServerError("m", { status: 503, requestId: "r", messages: ["down"], cause });
    expect([error.status, error.requestId, error.messages, error.cause]).toEqual([503, "r", ["down"], cause]);
  });
});

describe("report errors carry the typed error's sentence", () => {
  it("includes the OAuth scope hint of a Bearer 403 in message", async () => {
    const { client } = testClient({
      auth: { bearerToken: "bearer-token-1234567" },
      fetch: (async () => json(403, { requestId: "r403", errors: ["forbidden"] })) as unknown as typeof fetch,
    });
    const report = await client.unassignFlowInstances(["1"]);
    expect(report.errors).toEqual([
      {
        kind: "authentication",
        status: 403,
        requestId: "r403",
        message:
          "Gong rejected the credentials (403): forbidden; the OAuth token needs the api:flows:write scope (requestId r403)",
        messages: ["forbidden"],
        flowInstanceIds: ["1"],
      },
    ]);
  });

  it.each([
    [400, "Gong refused the request (400): said (requestId rid)"],
    [
      401,
      "Gong rejected the credentials (401): said; check the access key and secret, or the token (requestId rid)",
    ],
    [404, "Gong answered with unexpected status 404: said (requestId rid)"],
    [429, "Gong's request limit was exceeded (429): said (requestId rid)"],
    [500, "Gong failed with 500: said (requestId rid)"],
  ])("says what a %i means", async (status, message) => {
    const report = await errorFor(() => json(status, { requestId: "rid", errors: ["said"] }));
    expect(report.errors[0]?.message).toBe(message);
  });

  it("says why for an invalid 200", async () => {
    const report = await errorFor(() => json(200, { requestId: "r-inv" }));
    expect(report.errors[0]).toMatchObject({
      kind: "invalid_response",
      status: 200,
      requestId: "r-inv",
      message: "Gong answered 200 with a body that does not match the spec",
    });
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
