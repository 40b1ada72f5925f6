import { describe, expect, it } from "vitest";
import type { GongRateLimitError } from "../../src/index.js";
import { errorFromResponse, parseErrorBody } from "../../src/transport/answer-error.js";

const same = (text: string) => text;

/** The error for a response with `status`, the body `body` and the given headers. */
function errorFor(
  status: number,
  body: unknown,
  options: { scheme?: "basic" | "bearer"; retryAfter?: number | null; headers?: Record<string, string> } = {},
) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const response = new Response(null, { status, headers: options.headers });
  return errorFromResponse(response, text, same, {
    scheme: options.scheme ?? "basic",
    retryAfter: options.retryAfter ?? null,
  });
}

const KEY_HINT = "; check the access key and secret, or the token";
const SCOPE_HINT = "; the OAuth token needs the api:flows:write scope";

describe("errorFromResponse: the sentence and the class", () => {
  it("words a 400 with Gong's messages and its request id", () => {
    const error = errorFor(400, { requestId: "r-1", errors: ["id 5 does not exist", "second"] });
    expect(error.message).toBe("Gong refused the request (400): id 5 does not exist; second (requestId r-1)");
    expect([error.kind, error.status, error.requestId, error.messages]).toEqual([
      "bad_request",
      400,
      "r-1",
      ["id 5 does not exist", "second"],
    ]);
  });

  it("words a 400 without messages or request id", () => {
    expect(errorFor(400, "").message).toBe("Gong refused the request (400)");
  });

  it.each([
    [401, "basic", KEY_HINT],
    [401, "bearer", KEY_HINT],
    [403, "basic", KEY_HINT],
    [403, "bearer", SCOPE_HINT],
  ] as const)("words a %i for %s credentials with the hint that fits", (status, scheme, hint) => {
    const error = errorFor(status, { requestId: "r", errors: ["no"] }, { scheme });
    expect(error.kind).toBe("authentication");
    expect(error.message).toBe(`Gong rejected the credentials (${status}): no${hint} (requestId r)`);
  });

  it("words a 429 with the wait Gong asked for", () => {
    const error = errorFor(429, { errors: ["slow down"] }, { retryAfter: 7, headers: { "x-traceid": "t" } });
    expect(error.message).toBe(
      "Gong's request limit was exceeded (429): slow down; retry after 7 s (requestId t)",
    );
    expect((error as GongRateLimitError).retryAfter).toBe(7);
  });

  it("words a 429 that asks for no wait at all, and one that does not say", () => {
    expect(errorFor(429, "", { retryAfter: 0 }).message).toBe(
      "Gong's request limit was exceeded (429); retry after 0 s",
    );
    const silent = errorFor(429, "");
    expect(silent.message).toBe("Gong's request limit was exceeded (429)");
    expect((silent as GongRateLimitError).retryAfter).toBeNull();
  });

  it.each([
    [500, "server", "Gong failed with 500"],
    [503, "server", "Gong failed with 503"],
    [599, "server", "Gong failed with 599"],
    [499, "http", "Gong answered with unexpected status 499"],
    [404, "http", "Gong answered with unexpected status 404"],
    [302, "http", "Gong answered with unexpected status 302"],
  ])("words a %i as %s", (status, kind, message) => {
    const error = errorFor(status, { errors: ["x"] });
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(`${message}: x`);
  });

  it("prefers the body's request id to the x-traceid header", () => {
    expect(errorFor(500, { requestId: "body" }, { headers: { "x-traceid": "header" } }).requestId).toBe(
      "body",
    );
    expect(errorFor(500, { errors: [] }, { headers: { "x-traceid": "header" } }).requestId).toBe("header");
    expect(errorFor(500, {}).requestId).toBeNull();
  });

  it("passes the request id and every message through the redactor", () => {
    const response = new Response(null, { status: 401, headers: { "x-traceid": "trace-SECRET" } });
    const redact = (text: string) => text.replaceAll("SECRET", "[R]");
    const error = errorFromResponse(
      response,
      JSON.stringify({ errors: ["bad SECRET", "SECRET again"] }),
      redact,
      {
        scheme: "basic",
        retryAfter: null,
      },
    );
    expect(error.requestId).toBe("trace-[R]");
    expect(error.messages).toEqual(["bad [R]", "[R] again"]);
    expect(error.message).not.toContain("SECRET");
  });
});

describe("parseErrorBody", () => {
  it("reads Gong's error shape", () => {
    expect(parseErrorBody('{"requestId":"r","errors":["a","b"]}')).toEqual({
      requestId: "r",
      messages: ["a", "b"],
    });
  });

  it("keeps only the string messages", () => {
    expect(parseErrorBody('{"errors":["a",1,null,{"m":"x"},"b"]}')).toEqual({
      requestId: null,
      messages: ["a", "b"],
    });
  });

  it.each([
    ["not JSON", "<html>502</html>"],
    ["empty", ""],
    ["null", "null"],
    ["a number", "42"],
    ["a string", '"errors"'],
    ["an array", '[{"requestId":"r"}]'],
    ["a request id that is not a string, and errors that are not a list", '{"requestId":7,"errors":"bad"}'],
  ])("tolerates a body that is %s", (_case, body) => {
    expect(parseErrorBody(body)).toEqual({ requestId: null, messages: [] });
  });
});
