import { describe, expect, it } from "vitest";
import { GongDailyLimitError, GongLimiterError, GongRateLimitError } from "../../src/index.js";
import type { AcquireOptions, Limiter, LimiterDecision } from "../../src/limiter/limiter.js";
import { createRedactor } from "../../src/redact.js";
import { createTransport, type TransportConfig } from "../../src/transport/transport.js";
import { json, virtualClock } from "../helpers.js";

const URL_ = "http://127.0.0.1:9/v2/x";
const SECRET = "Basic c2VjcmV0LWtleTpzZWNyZXQtdmFsdWU=";

/** A limiter that answers `go` (or what `decide` says) and records what it was asked. */
function scriptedLimiter(
  decide: (options: AcquireOptions) => Promise<LimiterDecision> = async () => ({ kind: "go" }),
) {
  const acquired: AcquireOptions[] = [];
  const pauses: number[] = [];
  const limiter: Limiter & { acquired: AcquireOptions[]; pauses: number[] } = {
    acquired,
    pauses,
    acquire: (options) => {
      acquired.push(options);
      return decide(options);
    },
    pause: async (ms) => {
      pauses.push(ms);
    },
  };
  return limiter;
}

type Call = { url: string; headers: Headers };

function transport(
  answers: (call: Call) => Response | Promise<Response>,
  overrides: Partial<TransportConfig> = {},
) {
  const calls: Call[] = [];
  const clock = virtualClock();
  const limiter = scriptedLimiter();
  const config: TransportConfig = {
    fetch: (async (url: string, init: RequestInit) => {
      const call = { url, headers: new Headers(init.headers) };
      calls.push(call);
      return answers(call);
    }) as unknown as typeof fetch,
    authorization: SECRET,
    authScheme: "basic",
    userAgent: "@gong-flows/client/0.1.0 node/20",
    timeoutMs: 10_000,
    maxBodyBytes: 10_000,
    maxRetries: 2,
    maxRetryAfterSeconds: 10,
    limiter,
    clock,
    random: () => 0,
    redact: createRedactor([SECRET, "c2VjcmV0LWtleTpzZWNyZXQtdmFsdWU="]),
    ...overrides,
  };
  return { transport: createTransport(config), calls, clock, limiter: config.limiter };
}

const post = { method: "POST", url: URL_, headers: { "content-type": "application/json" }, body: undefined };

describe("transport.send: the request it sends", () => {
  it("adds the Authorization, the User-Agent and an Accept header", async () => {
    const { transport: t, calls } = transport(() => json(200, {}));
    await t.send(post);
    expect(Object.fromEntries(calls[0]?.headers ?? [])).toEqual({
      accept: "application/json",
      authorization: SECRET,
      "content-type": "application/json",
      "user-agent": "@gong-flows/client/0.1.0 node/20",
    });
  });

  it("keeps the caller's Accept and sends no User-Agent where the runtime has none", async () => {
    const { transport: t, calls } = transport(() => json(200, {}), { userAgent: null });
    await t.send({ ...post, headers: { accept: "text/plain" } });
    expect(calls[0]?.headers.get("accept")).toBe("text/plain");
    expect(calls[0]?.headers.has("user-agent")).toBe(false);
  });

  it("tells the observer every attempt, with the Authorization hidden", async () => {
    const seen: unknown[] = [];
    let calls = 0;
    const { transport: t } = transport(() => (++calls === 1 ? json(503, {}) : json(200, {})), {
      onRequest: (request) => seen.push(request),
    });
    await t.send(post);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({
      method: "POST",
      url: URL_,
      headers: {
        accept: "application/json",
        authorization: "[REDACTED]",
        "content-type": "application/json",
        "user-agent": "@gong-flows/client/0.1.0 node/20",
      },
      attempt: 2,
    });
  });

  it("asks the limiter before every attempt, waiting at most maxRetryAfterSeconds", async () => {
    let calls = 0;
    const { transport: t, limiter } = transport(() => (++calls === 1 ? json(500, {}) : json(200, {})));
    await t.send(post);
    expect((limiter as ReturnType<typeof scriptedLimiter>).acquired.map((a) => a.maxWaitMs)).toEqual([
      10_000, 10_000,
    ]);
  });
});

describe("transport.send: answers", () => {
  it.each([200, 204, 299])("returns a %i as answered", async (status) => {
    const { transport: t } = transport(() => new Response(status === 204 ? null : "{}", { status }));
    expect((await t.send(post)).kind).toBe("answered");
  });

  it("fails on a redirect instead of following it", async () => {
    const { transport: t, calls } = transport(
      () => new Response(null, { status: 302, headers: { location: "/x" } }),
    );
    const result = await t.send(post);
    expect(result.kind === "failed" && result.error.kind).toBe("http");
    expect(calls).toHaveLength(1);
  });

  it("pauses every start for a 429's Retry-After, then retries", async () => {
    let calls = 0;
    const {
      transport: t,
      clock,
      limiter,
    } = transport(() => (++calls === 1 ? json(429, {}, { "retry-after": "2" }) : json(200, {})));
    expect((await t.send(post)).kind).toBe("answered");
    expect((limiter as ReturnType<typeof scriptedLimiter>).pauses).toEqual([2_000]);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it("words the final 429 with its Retry-After", async () => {
    const { transport: t } = transport(() => json(429, {}, { "retry-after": "3" }), { maxRetries: 0 });
    const result = await t.send(post);
    expect(result.kind === "failed" && result.error.message).toBe(
      "Gong's request limit was exceeded (429); retry after 3 s",
    );
  });
});

describe("transport.send: the limiter says no", () => {
  it("stops on a spent daily count without sending", async () => {
    const resetsAt = new Date("2026-12-01T00:00:00Z");
    const { transport: t, calls } = transport(() => json(200, {}), {
      limiter: scriptedLimiter(async () => ({ kind: "daily_limit", resetsAt })),
    });
    const result = await t.send(post);
    expect(calls).toHaveLength(0);
    expect(result.kind).toBe("failed");
    const error = result.kind === "failed" ? result.error : null;
    expect(error).toBeInstanceOf(GongDailyLimitError);
    expect(error?.message).toBe(
      "The daily request limit is spent until 2026-12-01T00:00:00.000Z; nothing was sent",
    );
    expect((error as GongDailyLimitError).resetsAt).toBe(resetsAt);
  });

  it("stops on a hold longer than maxRetryAfterSeconds, saying how long it lasts", async () => {
    const { transport: t, calls } = transport(() => json(200, {}), {
      limiter: scriptedLimiter(async () => ({ kind: "paused", until: new Date(Date.now() + 29_500) })),
    });
    const result = await t.send(post);
    expect(calls).toHaveLength(0);
    const error = result.kind === "failed" ? result.error : null;
    expect(error).toBeInstanceOf(GongRateLimitError);
    expect(error?.message).toBe(
      "Gong's rate limit holds every request for 30 s more, longer than maxRetryAfterSeconds (10); nothing was sent",
    );
    expect([(error as GongRateLimitError).retryAfter, error?.status]).toEqual([30, null]);
  });

  it("reads a hold that has just ended as 0 s", async () => {
    const { transport: t } = transport(() => json(200, {}), {
      limiter: scriptedLimiter(async () => ({ kind: "paused", until: new Date(Date.now() - 5_000) })),
    });
    const result = await t.send(post);
    expect(result.kind === "failed" && (result.error as GongRateLimitError).retryAfter).toBe(0);
  });

  it.each([
    [
      new Error("store lost SECRET-TOKEN-VALUE"),
      "The rate limiter failed (store lost [REDACTED]); nothing more is sent",
    ],
    ["SECRET-TOKEN-VALUE gone", "The rate limiter failed ([REDACTED] gone); nothing more is sent"],
  ])("stops when the limiter fails (%s), redacting its reason", async (thrown, message) => {
    const { transport: t, calls } = transport(() => json(200, {}), {
      limiter: scriptedLimiter(async () => {
        throw thrown;
      }),
      redact: createRedactor(["SECRET-TOKEN-VALUE"]),
    });
    const result = await t.send(post);
    expect(calls).toHaveLength(0);
    const error = result.kind === "failed" ? result.error : null;
    expect(error).toBeInstanceOf(GongLimiterError);
    expect(error?.message).toBe(message);
  });

  it("stops when the limiter fails to take a 429's pause", async () => {
    const limiter = scriptedLimiter();
    limiter.pause = async () => {
      throw new Error("store lost");
    };
    const { transport: t, calls } = transport(() => json(429, {}, { "retry-after": "1" }), { limiter });
    const result = await t.send(post);
    expect(calls).toHaveLength(1);
    expect(result.kind === "failed" && result.error.message).toBe(
      "The rate limiter failed (store lost); nothing more is sent",
    );
  });

  it("ends as aborted when the caller aborts while the limiter waits", async () => {
    const controller = new AbortController();
    const { transport: t, calls } = transport(() => json(200, {}), {
      limiter: scriptedLimiter(
        ({ signal }) =>
          new Promise((_, reject) =>
            signal?.addEventListener("abort", () => reject(signal.reason), { once: true }),
          ),
      ),
    });
    const pending = t.send(post, { signal: controller.signal });
    controller.abort(new Error("stop"));
    expect(await pending).toEqual({ kind: "aborted", earlier: null });
    expect(calls).toHaveLength(0);
  });
});

describe("transport.send: stops", () => {
  it("sends nothing once the gentle stop is asked", async () => {
    const stop = new AbortController();
    stop.abort();
    const { transport: t, calls } = transport(() => json(200, {}));
    expect(await t.send(post, { stop: stop.signal })).toEqual({ kind: "stopped", earlier: null });
    expect(calls).toHaveLength(0);
  });

  it("does not retry after a gentle stop during the backoff, and keeps the failure met", async () => {
    const stop = new AbortController();
    const { transport: t, calls } = transport(() => {
      queueMicrotask(() => stop.abort());
      return json(503, { errors: ["down"] });
    });
    const result = await t.send(post, { stop: stop.signal });
    expect(calls).toHaveLength(1);
    expect(result.kind).toBe("stopped");
    expect(result.kind === "stopped" && result.earlier?.message).toBe("Gong failed with 503: down");
  });

  it("ends as aborted, keeping the failure met, when the caller aborts during the backoff", async () => {
    const controller = new AbortController();
    const { transport: t, calls } = transport(() => {
      queueMicrotask(() => controller.abort());
      return json(500, {});
    });
    const result = await t.send(post, { signal: controller.signal, stop: new AbortController().signal });
    expect(calls).toHaveLength(1);
    expect(result.kind === "aborted" && result.earlier?.kind).toBe("server");
  });

  it("tells onAttempt and onAttemptEnd about every attempt", async () => {
    const seen: string[] = [];
    let calls = 0;
    const { transport: t } = transport(() => (++calls === 1 ? json(502, {}) : json(200, {})));
    await t.send(post, {
      onAttempt: (attempt) => seen.push(`start ${attempt}`),
      onAttemptEnd: (attempt, outcome) => seen.push(`end ${attempt} ${outcome.kind}`),
    });
    expect(seen).toEqual(["start 1", "end 1 answered", "start 2", "end 2 answered"]);
  });
});

describe("transport.fetch: the fetch-compatible face for openapi-fetch", () => {
  it("returns a 2xx answer's body", async () => {
    const { transport: t } = transport(() => json(200, { a: 1 }, { "x-traceid": "t" }));
    const response = await t.fetch(new Request(URL_, { method: "POST", body: "{}" }));
    expect([response.status, await response.text(), response.headers.get("x-traceid")]).toEqual([
      200,
      '{"a":1}',
      "t",
    ]);
  });

  it("returns a body-less status without a body", async () => {
    const { transport: t } = transport(() => new Response(null, { status: 204, statusText: "No Content" }));
    const response = await t.fetch(new Request(URL_));
    expect([response.status, response.statusText, response.body]).toEqual([204, "No Content", null]);
  });

  it("returns an error answer with its body redacted", async () => {
    const { transport: t } = transport(() => json(401, { errors: [`bad ${SECRET}`] }), { maxRetries: 0 });
    const response = await t.fetch(new Request(URL_, { method: "POST", body: "{}" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: ["bad [REDACTED]"] });
  });

  it("throws the typed error when no answer came", async () => {
    const { transport: t } = transport(
      () => {
        throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
      },
      { maxRetries: 0 },
    );
    await expect(t.fetch(new Request(URL_))).rejects.toMatchObject({ kind: "connection" });
  });

  it("throws the signal's reason when aborted", async () => {
    const reason = new Error("caller gave up");
    const { transport: t } = transport(() => json(200, {}));
    await expect(t.fetch(new Request(URL_, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
  });
});
