import { describe, expect, it, vi } from "vitest";
import { GongConnectionError, GongInvalidResponseError, GongTimeoutError } from "../../src/index.js";
import { type AttemptOutcome, attemptFacts, attemptOnce } from "../../src/transport/attempt.js";

const URL_ = "http://127.0.0.1:9/v2/x";
const request = {
  method: "POST",
  url: URL_,
  headers: new Headers({ "content-type": "application/json" }),
  body: new TextEncoder().encode("{}").buffer as ArrayBuffer,
};
const redact = (text: string) => text.replaceAll("SECRET", "[R]");

const config = (fetch: (url: string, init: RequestInit) => Promise<Response>, overrides = {}) => ({
  fetch: fetch as unknown as typeof globalThis.fetch,
  timeoutMs: 10_000,
  maxBodyBytes: 1_000,
  redact,
  ...overrides,
});

/** A fetch that never answers until its signal aborts, like a server that hangs. */
const hanging = (_url: string, init: RequestInit) =>
  new Promise<Response>((_, reject) => {
    if (init.signal?.aborted) reject(init.signal.reason);
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
  });

/** A fetch whose headers arrive at once and whose body never ends until the signal aborts. */
const hangingBody = (_url: string, init: RequestInit) => {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("{"));
      init.signal?.addEventListener("abort", () => controller.error(init.signal?.reason), { once: true });
    },
  });
  return Promise.resolve(new Response(stream, { status: 200, headers: { "x-traceid": "t-SECRET" } }));
};

const failing = (cause: unknown) => async () => {
  throw new TypeError("fetch failed", { cause });
};

describe("attemptOnce", () => {
  it("sends the request as given, never following redirects", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    await attemptOnce(
      config(async (url, init) => {
        seen.push({ url, init });
        return new Response("{}");
      }),
      request,
      undefined,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(URL_);
    expect(seen[0]?.init).toMatchObject({
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
    });
    expect(seen[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("returns the answer with its body and the body's request id, redacted", async () => {
    const outcome = await attemptOnce(
      config(
        async () => new Response('{"requestId":"r-SECRET"}', { status: 201, headers: { "x-traceid": "t" } }),
      ),
      request,
      undefined,
    );
    expect(outcome).toMatchObject({
      kind: "answered",
      bodyText: '{"requestId":"r-SECRET"}',
      requestId: "r-[R]",
    });
    expect(outcome.kind === "answered" && outcome.response.status).toBe(201);
  });

  it("falls back to x-traceid, redacted, and to no request id", async () => {
    const traced = await attemptOnce(
      config(async () => new Response("<html/>", { status: 502, headers: { "x-traceid": "t-SECRET" } })),
      request,
      undefined,
    );
    expect(traced).toMatchObject({ kind: "answered", requestId: "t-[R]" });
    const bare = await attemptOnce(
      config(async () => new Response("")),
      request,
      undefined,
    );
    expect(bare).toMatchObject({ kind: "answered", requestId: null, bodyText: "" });
  });

  it("times out an attempt with no answer, which may have been processed", async () => {
    const outcome = await attemptOnce(config(hanging, { timeoutMs: 20 }), request, undefined);
    expect(outcome).toMatchObject({ kind: "no_answer", maybeSent: true });
    const error = (outcome as Extract<AttemptOutcome, { kind: "no_answer" }>).error;
    expect(error).toBeInstanceOf(GongTimeoutError);
    expect(error.message).toBe("No answer from http://127.0.0.1:9 within 20 ms");
  });

  it("names the connection error code, and knows a refused connection was never sent", async () => {
    const outcome = await attemptOnce(
      config(failing(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))),
      request,
      undefined,
    );
    expect(outcome).toMatchObject({ kind: "no_answer", maybeSent: false });
    const error = (outcome as Extract<AttemptOutcome, { kind: "no_answer" }>).error;
    expect(error).toBeInstanceOf(GongConnectionError);
    expect(error.message).toBe("Could not complete the request to http://127.0.0.1:9: ECONNREFUSED");
  });

  it("treats a reset connection as maybe sent", async () => {
    const outcome = await attemptOnce(
      config(failing(Object.assign(new Error("reset"), { code: "ECONNRESET" }))),
      request,
      undefined,
    );
    expect(outcome).toMatchObject({ kind: "no_answer", maybeSent: true });
  });

  it("describes a failure without a code by its redacted message, or the thrown value", async () => {
    const byMessage = await attemptOnce(
      config(async () => {
        throw new Error("proxy said SECRET");
      }),
      request,
      undefined,
    );
    expect((byMessage as Extract<AttemptOutcome, { kind: "no_answer" }>).error.message).toBe(
      "Could not complete the request to http://127.0.0.1:9: proxy said [R]",
    );
    const byValue = await attemptOnce(
      config(async () => {
        throw "plain SECRET";
      }),
      request,
      undefined,
    );
    expect(byValue).toMatchObject({ kind: "no_answer", maybeSent: true });
    expect((byValue as Extract<AttemptOutcome, { kind: "no_answer" }>).error.message).toBe(
      "Could not complete the request to http://127.0.0.1:9: plain [R]",
    );
  });

  it("ends as aborted when the caller's signal aborts in flight", async () => {
    const controller = new AbortController();
    const pending = attemptOnce(config(hanging), request, controller.signal);
    controller.abort(new Error("caller stop"));
    expect(await pending).toEqual({ kind: "aborted" });
  });

  it("ends as aborted at once for a signal aborted before the start", async () => {
    let sawAborted: boolean | undefined;
    const outcome = await attemptOnce(
      config((url, init) => {
        sawAborted = init.signal?.aborted;
        return hanging(url, init);
      }),
      request,
      AbortSignal.abort(new Error("stopped")),
    );
    expect(sawAborted).toBe(true);
    expect(outcome).toEqual({ kind: "aborted" });
  });

  it("stops listening to the caller's signal once the attempt is over", async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    await attemptOnce(
      config(async () => new Response("{}")),
      request,
      controller.signal,
    );
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });

  it("does not abort the request when the timer would have fired after the answer", async () => {
    let signal: AbortSignal | undefined;
    await attemptOnce(
      config(
        async (_url, init) => {
          signal = init.signal ?? undefined;
          return new Response("{}");
        },
        { timeoutMs: 5 },
      ),
      request,
      undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(signal?.aborted).toBe(false);
  });

  it("reports a body larger than maxBodyBytes as unreadable, with the header's request id redacted", async () => {
    const outcome = await attemptOnce(
      config(async () => new Response("123456", { status: 200, headers: { "x-traceid": "t-SECRET" } }), {
        maxBodyBytes: 5,
      }),
      request,
      undefined,
    );
    expect(outcome).toMatchObject({ kind: "unreadable", status: 200 });
    const error = (outcome as Extract<AttemptOutcome, { kind: "unreadable" }>).error;
    expect(error).toBeInstanceOf(GongInvalidResponseError);
    expect(error.message).toBe("Gong's answer (200) cannot be read: its body is larger than 5 bytes");
    expect([error.status, error.requestId]).toEqual([200, "t-[R]"]);
  });

  it("reports a body cut off as unreadable, with no request id when there is none", async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error("other side closed"));
      },
    });
    const outcome = await attemptOnce(
      config(async () => new Response(cut, { status: 500 })),
      request,
      undefined,
    );
    const error = (outcome as Extract<AttemptOutcome, { kind: "unreadable" }>).error;
    expect(error.message).toBe("Gong's answer (500) cannot be read: its body was cut off");
    expect(error.requestId).toBeNull();
  });

  it("reports a body that does not arrive within the timeout as unreadable", async () => {
    const outcome = await attemptOnce(config(hangingBody, { timeoutMs: 20 }), request, undefined);
    const error = (outcome as Extract<AttemptOutcome, { kind: "unreadable" }>).error;
    expect(error.message).toBe("Gong's answer (200) cannot be read: its body did not arrive within 20 ms");
  });

  it("ends as aborted when the caller aborts while the body arrives", async () => {
    const controller = new AbortController();
    const pending = attemptOnce(config(hangingBody), request, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error("caller stop"));
    expect(await pending).toEqual({ kind: "aborted" });
  });
});

describe("attemptFacts", () => {
  const answered = (status: number): AttemptOutcome => ({
    kind: "answered",
    response: new Response(null, { status }),
    bodyText: "",
    requestId: "r",
  });

  it("says an answer below 500 was not processed in doubt, and a 5xx may have been", () => {
    expect(attemptFacts(answered(200))).toEqual({ status: 200, requestId: "r", maybeProcessed: false });
    expect(attemptFacts(answered(499))).toEqual({ status: 499, requestId: "r", maybeProcessed: false });
    expect(attemptFacts(answered(500))).toEqual({ status: 500, requestId: "r", maybeProcessed: true });
  });

  it("says an unreadable answer or an abort in flight may have been processed", () => {
    const error = new GongInvalidResponseError("m");
    expect(attemptFacts({ kind: "unreadable", status: 200, error })).toEqual({
      status: 200,
      requestId: null,
      maybeProcessed: true,
    });
    expect(attemptFacts({ kind: "aborted" })).toEqual({
      status: null,
      requestId: null,
      maybeProcessed: true,
    });
  });

  it("follows whether a request without an answer may have been sent", () => {
    const error = new GongConnectionError("m");
    for (const maybeSent of [true, false]) {
      expect(attemptFacts({ kind: "no_answer", error, maybeSent })).toEqual({
        status: null,
        requestId: null,
        maybeProcessed: maybeSent,
      });
    }
  });
});
