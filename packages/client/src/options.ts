import { type GongAuth, type ResolvedAuth, resolveAuth } from "./auth.js";
import { DEFAULT_BASE_URL, normalizeBaseUrl } from "./base-url.js";
import { MAX_IDS_PER_REQUEST } from "./defaults.js";
import type { RequestObserver } from "./transport/transport.js";

/** Options of {@link createGongFlowsClient}. Only `auth` is required. */
export interface GongFlowsClientOptions {
  /** Exactly one shape: an access key pair (Basic) or an OAuth access token with `api:flows:write` (Bearer). */
  auth: GongAuth;
  /** Your company's API base URL (Gong's API settings page). Default `https://api.gong.io`. */
  baseUrl?: string;
  /** Retries per request, for every retryable failure kind. Default 3. */
  maxRetries?: number;
  /** A 429 asking to wait longer than this is not waited for (retries count as exhausted). Default 120. */
  maxRetryAfterSeconds?: number;
  /** Timeout of each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Request starts per second (Gong's default company limit is 3). `null` switches pacing off. Default 3. */
  requestsPerSecond?: number | null;
  /** Ids per request, 1..200 (the spec's `maxItems`). Default 200. */
  batchSize?: number;
  /** Extra requests one bulk run may spend isolating refused ids. Default 64. */
  maxIsolationRequests?: number;
  /** Allow plain `http://` to hosts other than loopback. Default false. */
  allowInsecureHttp?: boolean;
  /** The `fetch` to send with; inject one for tests or proxies. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Sees every attempt before it is sent, with the Authorization header redacted: for debug logging. */
  onRequest?: RequestObserver;
}

export interface ResolvedOptions {
  readonly auth: ResolvedAuth;
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly maxRetryAfterSeconds: number;
  readonly timeoutMs: number;
  readonly requestsPerSecond: number | null;
  readonly batchSize: number;
  readonly maxIsolationRequests: number;
  readonly fetch: typeof fetch;
  readonly onRequest: RequestObserver | undefined;
}

function integerIn(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${String(value)}`);
  }
  if (value < min || value > max)
    throw new RangeError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function positiveNumber(name: string, value: unknown, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a finite number, got ${String(value)}`);
  }
  if (allowZero ? value < 0 : value <= 0) {
    throw new RangeError(`${name} must be ${allowZero ? "0 or more" : "greater than 0"}, got ${value}`);
  }
  return value;
}

/** setTimeout's limit (about 24.8 days): a longer per-attempt timeout would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Checks every option before anything is sent, and fills in the defaults. */
export function resolveOptions(options: GongFlowsClientOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createGongFlowsClient needs an options object with auth");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError("fetch must be a function");
  if (options.onRequest !== undefined && typeof options.onRequest !== "function") {
    throw new TypeError("onRequest must be a function");
  }
  return {
    auth: resolveAuth(options.auth),
    baseUrl: normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, options.allowInsecureHttp === true),
    maxRetries: integerIn("maxRetries", options.maxRetries, 3, 0, 100),
    maxRetryAfterSeconds: positiveNumber("maxRetryAfterSeconds", options.maxRetryAfterSeconds, 120, true),
    timeoutMs: Math.min(positiveNumber("timeoutMs", options.timeoutMs, 30_000), MAX_TIMEOUT_MS),
    requestsPerSecond:
      options.requestsPerSecond === null
        ? null
        : positiveNumber("requestsPerSecond", options.requestsPerSecond, 3),
    batchSize: integerIn("batchSize", options.batchSize, MAX_IDS_PER_REQUEST, 1, MAX_IDS_PER_REQUEST),
    maxIsolationRequests: integerIn(
      "maxIsolationRequests",
      options.maxIsolationRequests,
      64,
      0,
      Number.MAX_SAFE_INTEGER,
    ),
    fetch: fetchImpl,
    onRequest: options.onRequest,
  };
}
