import { checkAuth, type GongAuth } from "./auth.js";
import { DEFAULT_BASE_URL, normalizeBaseUrl } from "./base-url.js";
import { describeRange, inRange, type NumericOption, OPTION_RANGES } from "./defaults.js";
import { GongInputError, shorten } from "./input-error.js";
import type { Limiter } from "./limiter/limiter.js";
import type { RequestObserver } from "./transport/observer.js";

/** Options of {@link createGongFlowsClient}. Only `auth` is required. */
export interface GongFlowsClientOptions {
  /** Exactly one shape: an access key pair (Basic) or an OAuth access token with `api:flows:write` (Bearer). */
  auth: GongAuth;
  /** Your company's API base URL (Gong's API settings page). Default `https://api.gong.io`. */
  baseUrl?: string;
  /** Retries per request, for every retryable failure kind, 0..10. Default 3. */
  maxRetries?: number;
  /** A 429 asking to wait longer than this is not waited for (retries count as exhausted). Default 120. */
  maxRetryAfterSeconds?: number;
  /** Timeout of each attempt, in milliseconds, 100..600 000. Default 30 000. */
  timeoutMs?: number;
  /** Request starts per second (Gong's default company limit is 3). `null` switches pacing off. Default 3. */
  requestsPerSecond?: number | null;
  /**
   * Requests per UTC day, counted by the in-process limiter (Gong's default company quota is 10,000). Once spent,
   * nothing more is sent: unsettled ids are `skipped` and the report's errors entry is `daily_limit`, with when it
   * resets. `null` for no daily limit. Default 10,000.
   */
  dailyRequestLimit?: number | null;
  /**
   * A shared limiter (e.g. `createRedisLimiter` of `@gong-flows/limiter-redis`) instead of the in-process one. It
   * owns the rate and the daily count: set them on it, not here (`requestsPerSecond` or `dailyRequestLimit` beside
   * it is a `GongInputError`).
   */
  limiter?: Limiter;
  /** Ids per request, 1..200 (the spec's `maxItems`). Default 200. */
  batchSize?: number;
  /** Extra requests one bulk run may spend isolating refused ids, 0..10 000. Default 64. */
  maxIsolationRequests?: number;
  /** Ids per flow instance lookup (`POST /v2/flows/prospects`), 1..200 (the spec's `maxItems`). Default 100. */
  lookupBatchSize?: number;
  /** Allow plain `http://` to hosts other than loopback. Default false. */
  allowInsecureHttp?: boolean;
  /** The `fetch` to send with; inject one for tests or proxies. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Sees every attempt before it is sent, with the Authorization header redacted: for debug logging. */
  onRequest?: RequestObserver;
}

export interface ResolvedOptions {
  readonly auth: GongAuth;
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly maxRetryAfterSeconds: number;
  readonly timeoutMs: number;
  readonly requestsPerSecond: number | null;
  readonly dailyRequestLimit: number | null;
  /** The caller's limiter, or `null` for the in-process one built from the two options above. */
  readonly limiter: Limiter | null;
  readonly batchSize: number;
  readonly maxIsolationRequests: number;
  readonly lookupBatchSize: number;
  readonly fetch: typeof fetch;
  readonly onRequest: RequestObserver | undefined;
}

/** Every option's name; a `Record` so that an option added to the interface and not here fails the build. */
const OPTION_NAMES: Record<keyof GongFlowsClientOptions, true> = {
  auth: true,
  baseUrl: true,
  maxRetries: true,
  maxRetryAfterSeconds: true,
  timeoutMs: true,
  requestsPerSecond: true,
  dailyRequestLimit: true,
  limiter: true,
  batchSize: true,
  maxIsolationRequests: true,
  lookupBatchSize: true,
  allowInsecureHttp: true,
  fetch: true,
  onRequest: true,
};

/** A misspelt option would silently fall back to its default (a typo in `requestsPerSecond` would lift pacing). */
function refuseUnknownOptions(options: object): void {
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(OPTION_NAMES, key)) {
      const field = shorten(key);
      throw new GongInputError(
        `${field} is not an option of createGongFlowsClient; the options are ${Object.keys(OPTION_NAMES).join(", ")}`,
        { field },
      );
    }
  }
}

/** A numeric option, checked against its range in {@link OPTION_RANGES}, or its default. */
function numberOption(field: NumericOption, value: unknown): number {
  const range = OPTION_RANGES[field];
  if (value === undefined) return range.default;
  if (typeof value !== "number" || !inRange(value, range)) {
    const shown = typeof value === "number" ? String(value) : null;
    throw new GongInputError(`${field} must be ${describeRange(range)}, got ${shown ?? typeof value}`, {
      field,
      value: shown,
    });
  }
  return value;
}

function functionOption<T>(field: string, value: T): T {
  if (typeof value !== "function") throw new GongInputError(`${field} must be a function`, { field });
  return value;
}

/** A given limiter, checked; it owns the rate and the daily count, so neither may be given beside it. */
function limiterOption(options: GongFlowsClientOptions): Limiter | null {
  const { limiter } = options;
  if (limiter === undefined) return null;
  const shaped = limiter as Partial<Limiter> | null;
  if (typeof shaped?.acquire !== "function" || typeof shaped.pause !== "function") {
    throw new GongInputError("limiter must have acquire() and pause() (the Limiter interface)", {
      field: "limiter",
    });
  }
  for (const field of ["requestsPerSecond", "dailyRequestLimit"] as const) {
    if (options[field] !== undefined) {
      throw new GongInputError(
        `${field} cannot be given with limiter: the limiter owns the rate and the daily limit (set them on it)`,
        { field },
      );
    }
  }
  return limiter;
}

/** Checks every option before anything is sent, and fills in the defaults. */
export function resolveOptions(options: GongFlowsClientOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new GongInputError("createGongFlowsClient needs an options object with auth", { field: "options" });
  }
  refuseUnknownOptions(options);
  const numbers = {} as Record<NumericOption, number>;
  for (const field of Object.keys(OPTION_RANGES) as NumericOption[]) {
    // `requestsPerSecond: null` switches pacing off, `dailyRequestLimit: null` the daily count.
    if ((field !== "requestsPerSecond" && field !== "dailyRequestLimit") || options[field] !== null)
      numbers[field] = numberOption(field, options[field]);
  }
  return {
    ...numbers,
    auth: checkAuth(options.auth),
    baseUrl: normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, options.allowInsecureHttp === true),
    requestsPerSecond: options.requestsPerSecond === null ? null : numbers.requestsPerSecond,
    dailyRequestLimit: options.dailyRequestLimit === null ? null : numbers.dailyRequestLimit,
    limiter: limiterOption(options),
    fetch: functionOption("fetch", options.fetch ?? globalThis.fetch),
    onRequest: options.onRequest === undefined ? undefined : functionOption("onRequest", options.onRequest),
  };
}
