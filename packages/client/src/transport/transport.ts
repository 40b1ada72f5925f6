import { type GongApiError, GongDailyLimitError, GongLimiterError, GongRateLimitError } from "../errors.js";
import type { Limiter, LimiterDecision } from "../limiter/limiter.js";
import { type Redactor, redactBody, redactHeaders } from "../redact.js";
import { errorFromResponse } from "./answer-error.js";
import { type AttemptOutcome, attemptOnce } from "./attempt.js";
import type { Clock } from "./clock.js";
import type { RequestObserver } from "./observer.js";
import { type AttemptFailure, decideRetry, parseRetryAfter } from "./retry-policy.js";
import { scopeOf } from "./scope.js";

export interface TransportConfig {
  readonly fetch: typeof fetch;
  readonly authorization: string;
  readonly authScheme: "basic" | "bearer";
  /** `null` where the runtime does not let a page set User-Agent (browsers). */
  readonly userAgent: string | null;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRetries: number;
  readonly maxRetryAfterSeconds: number;
  readonly limiter: Limiter;
  readonly clock: Clock;
  readonly random: () => number;
  readonly redact: Redactor;
  readonly onRequest?: RequestObserver | undefined;
}

export interface SendOptions {
  /** Aborting it ends the request at once, also one in flight (its outcome is then unknown). */
  readonly signal?: AbortSignal | undefined;
  /**
   * The one gentle stop: aborting it cuts limiter and backoff waits short and starts no further attempt; one in
   * flight completes and is returned.
   */
  readonly stop?: AbortSignal | undefined;
  /** Called right before each attempt is started (after the limiter let it). */
  readonly onAttempt?: ((attempt: number) => void) | undefined;
  /** Called when an attempt has ended: answered, failed, or cut off by an abort while in flight. */
  readonly onAttemptEnd?: ((attempt: number, outcome: AttemptOutcome) => void) | undefined;
}

/** How one logical request ended, over all its attempts. */
export type RequestResult =
  /** A 2xx, its body read in full. */
  | {
      readonly kind: "answered";
      readonly response: Response;
      readonly bodyText: string;
      readonly requestId: string | null;
    }
  /**
   * The request failed for good: an HTTP error after its retries (`response` set), no answer after its retries,
   * an unreadable answer, or a stop by the limiter before sending (`status: null`).
   */
  | {
      readonly kind: "failed";
      readonly error: GongApiError;
      readonly response: Response | null;
      readonly bodyText: string;
    }
  /** The caller's signal ended it; `earlier` is the failure of an attempt before, if any. */
  | { readonly kind: "aborted"; readonly earlier: GongApiError | null }
  /** The gentle stop ended it between attempts. */
  | { readonly kind: "stopped"; readonly earlier: GongApiError | null };

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
  send(request: OutgoingRequest, options?: SendOptions): Promise<RequestResult>;
  /**
   * For openapi-fetch: HTTP answers are returned, failures without an answer are thrown as typed errors.
   * `observe` sees each attempt start and how the request ended (the lookups count and report with it).
   */
  fetch(request: Request, observe?: FetchObserver): Promise<Response>;
}

/** What a caller of {@link Transport.fetch} may watch: attempts, and the request's typed outcome. */
export interface FetchObserver {
  readonly onAttempt?: ((attempt: number) => void) | undefined;
  readonly onResult?: ((result: RequestResult) => void) | undefined;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type Failed = Extract<RequestResult, { kind: "failed" }>;
const failed = (error: GongApiError, response: Response | null = null, bodyText = ""): Failed => ({
  kind: "failed",
  error,
  response,
  bodyText,
});

export function createTransport(config: TransportConfig): Transport {
  const { limiter, clock } = config;
  const policy = config;
  const attemptConfig = config;

  /** Asks the limiter for a start: `null` means go, anything else ends the request. */
  const waitForStart = async (signal: AbortSignal | undefined): Promise<Failed | "interrupted" | null> => {
    let decision: LimiterDecision;
    try {
      decision = await limiter.acquire({ signal, maxWaitMs: config.maxRetryAfterSeconds * 1000 });
    } catch (cause) {
      if (signal?.aborted) return "interrupted";
      return failed(limiterFailure(cause, config.redact));
    }
    return decision.kind === "go" ? null : failed(limiterStop(decision, config.maxRetryAfterSeconds));
  };

  const send = async (request: OutgoingRequest, options: SendOptions = {}): Promise<RequestResult> => {
    const { signal, stop, onAttempt, onAttemptEnd } = options;
    const waitSignal = stop && signal ? AbortSignal.any([signal, stop]) : (stop ?? signal);
    const headers = new Headers(request.headers);
    headers.set("authorization", config.authorization);
    if (config.userAgent !== null) headers.set("user-agent", config.userAgent);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const attemptRequest = { method: request.method, url: request.url, headers, body: request.body };

    let last: Failed | null = null;
    const interrupted = (): RequestResult => ({
      kind: signal?.aborted ? "aborted" : "stopped",
      earlier: last?.error ?? null,
    });
    for (let attempt = 1; ; attempt++) {
      if (waitSignal?.aborted) return interrupted();
      const refusal = await waitForStart(waitSignal);
      if (refusal === "interrupted") return interrupted();
      if (refusal !== null) return refusal;
      if (stop?.aborted) return { kind: "stopped", earlier: last?.error ?? null };
      onAttempt?.(attempt);
      config.onRequest?.({
        method: request.method,
        url: request.url,
        headers: redactHeaders(headers),
        attempt,
      });

      const outcome = await attemptOnce(attemptConfig, attemptRequest, signal);
      onAttemptEnd?.(attempt, outcome);
      let failure: AttemptFailure;
      switch (outcome.kind) {
        case "aborted":
          return { kind: "aborted", earlier: last?.error ?? null };
        case "unreadable":
          last = failed(outcome.error);
          failure = { kind: "unreadable" };
          break;
        case "no_answer":
          last = failed(outcome.error);
          failure = { kind: "no_answer" };
          break;
        case "answered": {
          const { response, bodyText, requestId } = outcome;
          if (response.status >= 200 && response.status < 300) {
            return { kind: "answered", response, bodyText, requestId };
          }
          const retryAfterSeconds =
            response.status === 429 ? parseRetryAfter(response.headers.get("retry-after"), Date.now()) : null;
          const error = errorFromResponse(response, bodyText, config.redact, {
            scheme: config.authScheme,
            retryAfter: retryAfterSeconds,
            scope: scopeOf(request.method, request.url),
          });
          last = failed(error, response, bodyText);
          failure = { kind: "status", status: response.status, retryAfterSeconds };
        }
      }
      const decision = decideRetry(failure, attempt, policy);
      if (decision.pauseAllMs > 0) {
        try {
          await limiter.pause(decision.pauseAllMs);
        } catch (cause) {
          return failed(limiterFailure(cause, config.redact));
        }
      }
      if (decision.kind === "give_up") return last;
      try {
        await clock.sleep(decision.waitMs, waitSignal);
      } catch {
        return interrupted();
      }
    }
  };

  const fetchCompatible = async (request: Request, observe: FetchObserver = {}): Promise<Response> => {
    const outgoing: OutgoingRequest = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body === null ? undefined : await request.arrayBuffer(),
    };
    const result = await send(outgoing, { signal: request.signal, onAttempt: observe.onAttempt });
    observe.onResult?.(result);
    switch (result.kind) {
      case "aborted":
      case "stopped":
        throw request.signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
      case "failed":
        if (result.response === null) throw result.error;
        return copyResponse(result.response, redactBody(result.bodyText, config.redact));
      case "answered":
        return copyResponse(result.response, result.bodyText);
    }
  };

  return { send, fetch: fetchCompatible };
}

/** The answer as openapi-fetch reads it; an error body has its credentials redacted first. */
function copyResponse(response: Response, body: string): Response {
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The error a stop by the limiter ends the request with: nothing was sent. */
function limiterStop(decision: Exclude<LimiterDecision, { kind: "go" }>, maxRetryAfterSeconds: number) {
  if (decision.kind === "daily_limit") {
    return new GongDailyLimitError(
      `The daily request limit is spent until ${decision.resetsAt.toISOString()}; nothing was sent`,
      { resetsAt: decision.resetsAt },
    );
  }
  const retryAfter = Math.max(0, Math.ceil((decision.until.getTime() - Date.now()) / 1000));
  return new GongRateLimitError(
    `Gong's rate limit holds every request for ${retryAfter} s more, longer than maxRetryAfterSeconds (${maxRetryAfterSeconds}); nothing was sent`,
    { status: null, retryAfter },
  );
}

function limiterFailure(cause: unknown, redact: Redactor): GongLimiterError {
  const reason = redact(cause instanceof Error ? cause.message : String(cause));
  return new GongLimiterError(`The rate limiter failed (${reason}); nothing more is sent`);
}
