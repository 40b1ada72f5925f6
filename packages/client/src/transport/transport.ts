import {
  errorFromResponse,
  type GongApiError,
  GongConnectionError,
  GongRateLimitError,
  GongTimeoutError,
  parseErrorBody,
} from "../errors.js";
import type { Limiter, LimiterDecision } from "../limiter/limiter.js";
import { type Redactor, redactBody, redactHeaders } from "../redact.js";
import type { Clock } from "./clock.js";
import { connectionErrorCode, mayHaveBeenSent } from "./connection-error.js";
import { backoffMs, isRetryableServerStatus, parseRetryAfter } from "./retry-policy.js";

/** What an observer of requests sees: never the credentials. */
export interface ObservedRequest {
  readonly method: string;
  readonly url: string;
  /** Request headers, with Authorization replaced by `[REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

export type RequestObserver = (request: ObservedRequest) => void;

export interface TransportConfig {
  readonly fetch: typeof fetch;
  readonly authorization: string;
  readonly authScheme: "basic" | "bearer";
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryAfterSeconds: number;
  readonly limiter: Limiter;
  readonly clock: Clock;
  readonly random: () => number;
  readonly redact: Redactor;
  readonly onRequest?: RequestObserver | undefined;
}

export interface SendOptions {
  readonly signal?: AbortSignal | undefined;
  /** Called right before each attempt is started (after pacing). */
  readonly onAttempt?: ((attempt: number) => void) | undefined;
  /** Called when an attempt has ended: answered, failed, or cut off by an abort while in flight. */
  readonly onAttemptEnd?: ((attempt: number, result: AttemptResult) => void) | undefined;
  /** Asked before each attempt, after pacing; `false` sends nothing more (the run was stopped elsewhere). */
  readonly shouldContinue?: (() => boolean) | undefined;
  /** Aborting it cuts pacing and backoff waits short and starts no further attempt; one in flight completes. */
  readonly stopSignal?: AbortSignal | undefined;
}

/** How one attempt ended. */
export interface AttemptResult {
  /** The HTTP status, or `null` when no answer arrived. */
  readonly status: number | null;
  /** The answer's request id (body `requestId`, else `x-traceid`), redacted. */
  readonly requestId: string | null;
  /** Whether this attempt may have been processed by the server (5xx, timeout, dropped connection, abort). */
  readonly maybeProcessed: boolean;
}

/** Everything that happened to one logical request, over all its attempts. */
export interface Exchange {
  /** The last HTTP response, if any attempt got one. */
  readonly response: Response | null;
  /** Its body, already read. */
  readonly bodyText: string;
  /** Why the request finally failed; `null` after a 2xx. */
  readonly error: GongApiError | null;
  /** The last response's request id (body `requestId`, else `x-traceid`), redacted. */
  readonly requestId: string | null;
  /** True if the caller's signal ended the request. */
  readonly aborted: boolean;
  /** True if `shouldContinue` ended the request before an attempt. */
  readonly cancelled: boolean;
}

/**
 * One logical request, in a form every attempt can send again. A plain object, not a `Request`: the bulk call
 * would build one only to have its body read back, about 17 µs per request on Node 20 (bench/README.md).
 */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers | Readonly<Record<string, string>>;
  /** Bytes, as the injected `fetch` has always received them. */
  readonly body: ArrayBuffer | undefined;
}

/** A fetch-compatible function with retries, pacing and timeouts, plus the richer `send` the bulk call uses. */
export interface Transport {
  send(request: OutgoingRequest, options?: SendOptions): Promise<Exchange>;
  /** For openapi-fetch: HTTP answers are returned, failures without an answer are thrown as typed errors. */
  fetch(request: Request): Promise<Response>;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The longest a Retry-After may hold every start: a day, whatever a server asks. */
const MAX_PAUSE_MS = 24 * 60 * 60 * 1000;

export function createTransport(config: TransportConfig): Transport {
  const send = async (request: OutgoingRequest, options: SendOptions = {}): Promise<Exchange> => {
    const { signal, onAttempt, onAttemptEnd, shouldContinue, stopSignal } = options;
    const waitSignal = stopSignal && signal ? AbortSignal.any([signal, stopSignal]) : (stopSignal ?? signal);
    const interrupted = () => finish(signal?.aborted ? "aborted" : "cancelled");
    const headers = new Headers(request.headers);
    headers.set("authorization", config.authorization);
    headers.set("user-agent", config.userAgent);
    if (!headers.has("accept")) headers.set("accept", "application/json");

    // Per-attempt facts (count, request ids, doubt) go to onAttemptEnd as they happen; the exchange keeps the last.
    let last: Pick<Exchange, "response" | "bodyText" | "error" | "requestId"> = {
      response: null,
      bodyText: "",
      error: null,
      requestId: null,
    };
    const finish = (ended: "aborted" | "cancelled" | null = null): Exchange => ({
      ...last,
      aborted: ended === "aborted",
      cancelled: ended === "cancelled",
    });

    for (let attempt = 1; ; attempt++) {
      if (waitSignal?.aborted) return interrupted();
      let decision: LimiterDecision;
      try {
        decision = await config.limiter.acquire({
          signal: waitSignal,
          maxWaitMs: config.maxRetryAfterSeconds * 1000,
        });
      } catch (cause) {
        if (waitSignal?.aborted) return interrupted();
        throw cause;
      }
      // Starts held longer than this client may wait fail at once, instead of hanging the caller.
      if (decision.kind !== "go") {
        last = { ...last, error: limiterStop(decision, config.maxRetryAfterSeconds) };
        return finish();
      }
      if ((shouldContinue && !shouldContinue()) || stopSignal?.aborted) return finish("cancelled");
      onAttempt?.(attempt);
      config.onRequest?.({
        method: request.method,
        url: request.url,
        headers: redactHeaders(headers),
        attempt,
      });

      const outcome = await attemptOnce(config, request, headers, signal);
      if (outcome.kind === "aborted") {
        onAttemptEnd?.(attempt, { status: null, requestId: null, maybeProcessed: true });
        return finish("aborted");
      }
      let waitMs: number;
      if (outcome.kind === "response") {
        const { response, bodyText } = outcome;
        const found = parseErrorBody(bodyText).requestId ?? response.headers.get("x-traceid");
        const requestId = found ? config.redact(found) : null;
        const status = response.status;
        onAttemptEnd?.(attempt, { status, requestId, maybeProcessed: status >= 500 });
        if (status >= 200 && status < 300) {
          last = { response, bodyText, error: null, requestId };
          return finish();
        }
        const retryAfter =
          status === 429 ? parseRetryAfter(response.headers.get("retry-after"), Date.now()) : null;
        const error = errorFromResponse(response, bodyText, config.redact, {
          scheme: config.authScheme,
          retryAfter,
        });
        last = { response, bodyText, error, requestId };
        if (status === 429) {
          waitMs = retryAfter === null ? backoffMs(attempt - 1, config.random) : retryAfter * 1000;
          // Every start waits out Gong's Retry-After, also one too long for this request to wait (up to a day).
          await config.limiter.pause(Math.min(waitMs, MAX_PAUSE_MS));
          if (retryAfter !== null && retryAfter > config.maxRetryAfterSeconds) return finish();
        } else if (isRetryableServerStatus(status)) {
          waitMs = backoffMs(attempt - 1, config.random);
        } else {
          return finish();
        }
      } else {
        onAttemptEnd?.(attempt, { status: null, requestId: null, maybeProcessed: outcome.maybeSent });
        last = { response: null, bodyText: "", error: outcome.error, requestId: null };
        waitMs = backoffMs(attempt - 1, config.random);
      }
      if (attempt > config.maxRetries) return finish();
      try {
        await config.clock.sleep(waitMs, waitSignal);
      } catch {
        return interrupted();
      }
    }
  };

  const fetchCompatible = async (request: Request): Promise<Response> => {
    const outgoing: OutgoingRequest = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body === null ? undefined : await request.arrayBuffer(),
    };
    const exchange = await send(outgoing, { signal: request.signal });
    if (exchange.aborted) {
      throw request.signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
    }
    const { response, bodyText } = exchange;
    if (response === null) throw exchange.error;
    // An error body is handed to the caller as `error`: a server that echoes the credentials must not leak them.
    const body = response.ok ? bodyText : redactBody(bodyText, config.redact);
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  return { send, fetch: fetchCompatible };
}

/** The error a stop by the limiter ends the request with: nothing was sent. */
function limiterStop(decision: Exclude<LimiterDecision, { kind: "go" }>, maxRetryAfterSeconds: number) {
  const until = decision.kind === "paused" ? decision.until : decision.resetsAt;
  const retryAfter = Math.max(0, Math.ceil((until.getTime() - Date.now()) / 1000));
  const why =
    decision.kind === "paused"
      ? `Gong's rate limit holds every request for ${retryAfter} s more, longer than maxRetryAfterSeconds (${maxRetryAfterSeconds})`
      : `the daily request limit is spent until ${until.toISOString()}`;
  return new GongRateLimitError(`${why}; nothing was sent`, { status: null, retryAfter });
}

type AttemptOutcome =
  | { kind: "response"; response: Response; bodyText: string }
  | { kind: "failure"; error: GongApiError; maybeSent: boolean }
  | { kind: "aborted" };

async function attemptOnce(
  config: TransportConfig,
  request: OutgoingRequest,
  headers: Headers,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  // One controller for the timeout and the caller's signal: AbortSignal.any costs ~15 µs per call on Node 20.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  else signal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    const response = await config.fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      signal: controller.signal,
      redirect: "manual",
    });
    const bodyText = await response.text();
    return { kind: "response", response, bodyText };
  } catch (cause) {
    if (signal?.aborted) return { kind: "aborted" };
    const origin = new URL(request.url).origin;
    if (timedOut) {
      const error = new GongTimeoutError("timeout", `No answer from ${origin} within ${config.timeoutMs} ms`);
      return { kind: "failure", error, maybeSent: true };
    }
    const code = connectionErrorCode(cause);
    const reason = code ?? config.redact(cause instanceof Error ? cause.message : String(cause));
    const error = new GongConnectionError(
      "connection",
      `Could not complete the request to ${origin}: ${reason}`,
    );
    return { kind: "failure", error, maybeSent: mayHaveBeenSent(code) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forwardAbort);
  }
}
