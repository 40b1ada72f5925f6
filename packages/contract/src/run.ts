import { type GongAuth, idProblem, normalizeBaseUrl } from "@gong-flows/client";
import { type RunningServer, startPrism, UNASSIGN_PATH } from "@gong-flows/testkit";
import { type Answer, readAnswer } from "./answer.js";
import { type Check, probeAuthorization, READ_ONLY_CHECKS, writeCheck } from "./checks.js";
import { authorizationOf, secretsOf } from "./credentials.js";
import { judge } from "./judge.js";
import { startValidatingProxy } from "./proxy.js";
import { createRedactor, type Redactor } from "./redact.js";
import { VERSION } from "./version.js";

/** Options of {@link runContract}. */
export interface ContractOptions {
  /** Base URL of the implementation under test; omit it for the self-test against a Prism mock of the spec. */
  target?: string;
  /** Credentials the target accepts; required with `target` (the self-test uses placeholders). */
  auth?: GongAuth;
  /** Ids to really unassign (1–200): adds the one check that changes the target's state. */
  writeIds?: readonly string[];
  /** Probe starts per second, to spare the company's shared rate limit; `null` for none. Default 1 with a target. */
  requestsPerSecond?: number | null;
  /** Milliseconds to wait for each answer. Default 30 000. */
  timeoutMs?: number;
  /** How many times a documented 429 is waited out before its check fails. Default 2. */
  maxRateLimitRetries?: number;
  /** Called once the servers are up, before the first probe. */
  onStart?: (target: string | null, checks: readonly Check[]) => void;
  /** Called as each check settles, for live output. */
  onResult?: (result: CheckResult) => void;
  /** Stops the run: checks not yet run are not reported, servers are stopped. */
  signal?: AbortSignal;
}

/** The verdict on one check. */
export interface CheckResult {
  readonly check: Check;
  readonly outcome: "pass" | "fail" | "skip";
  /** Why it failed (or why it was skipped). */
  readonly problems: readonly string[];
  /** The last answer seen, if any. */
  readonly answer: Answer | null;
  /** 429s that were waited out before this verdict. */
  readonly rateLimitRetries: number;
}

/** The outcome of a whole run. */
export interface ContractReport {
  /** The target's normalized base URL, or `null` for the self-test. */
  readonly target: string | null;
  readonly results: readonly CheckResult[];
  /** True when no check failed (skipped checks do not fail a run). */
  readonly passed: boolean;
}

/** Placeholders for the self-test: a mock accepts any well-formed credentials. */
const SELF_TEST_AUTH: GongAuth = { accessKey: "contract-self-test", accessKeySecret: "contract-self-test" };
const MAX_RETRY_AFTER_SECONDS = 60;
const SKIPPED_ON_MOCK = "a mock accepts any well-formed credentials; run with --target to check this";

/** The checks a run performs, in order. */
export function plannedChecks(writeIds: readonly string[] = []): Check[] {
  return writeIds.length > 0 ? [...READ_ONLY_CHECKS, writeCheck(writeIds)] : [...READ_ONLY_CHECKS];
}

/**
 * Runs the conformance suite against `options.target` (or a Prism mock of the spec) through
 * `prism proxy --errors`, so every answer is validated against the spec as well as against each check.
 */
export async function runContract(options: ContractOptions = {}): Promise<ContractReport> {
  const selfTest = options.target === undefined;
  const target = selfTest ? null : normalizeBaseUrl(options.target);
  if (!selfTest && !options.auth) throw new TypeError("runContract: a target needs auth");
  const checks = plannedChecks(validWriteIds(options.writeIds));
  const servers: RunningServer[] = [];
  const results: CheckResult[] = [];
  try {
    const upstream = target ?? (await started(servers, startPrism())).url;
    const proxy = await started(servers, startValidatingProxy(upstream));
    const probe = createProber(proxy.url, authorizationOf(options.auth ?? SELF_TEST_AUTH), {
      redact: createRedactor(options.auth ? secretsOf(options.auth) : []),
      requestsPerSecond:
        options.requestsPerSecond === undefined ? (selfTest ? null : 1) : options.requestsPerSecond,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 2,
      signal: options.signal,
    });
    options.onStart?.(target, checks);
    for (const check of checks) {
      const result =
        selfTest && check.needsCredentialVerification
          ? {
              check,
              outcome: "skip" as const,
              problems: [SKIPPED_ON_MOCK],
              answer: null,
              rateLimitRetries: 0,
            }
          : await probe(check);
      if (options.signal?.aborted) break;
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  return { target, results, passed: results.every((result) => result.outcome !== "fail") };
}

/** The write ids, checked with the client's own rules before anything starts. */
function validWriteIds(ids: readonly string[] = []): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > 200)
    throw new RangeError(`at most 200 ids can be unassigned in one request, got ${unique.length}`);
  for (const id of unique) {
    const problem = idProblem(id);
    if (problem) throw new RangeError(`write id ${JSON.stringify(id.slice(0, 60))} ${problem}`);
  }
  return unique;
}

async function started(servers: RunningServer[], starting: Promise<RunningServer>): Promise<RunningServer> {
  const server = await starting;
  servers.push(server);
  return server;
}

interface ProberOptions {
  redact: Redactor;
  requestsPerSecond: number | null;
  timeoutMs: number;
  maxRateLimitRetries: number;
  signal: AbortSignal | undefined;
}

/** Sends checks one at a time, paced, waiting out documented 429s, and judges the answers. */
function createProber(proxyUrl: string, validAuthorization: string, options: ProberOptions) {
  const intervalMs = options.requestsPerSecond ? 1000 / options.requestsPerSecond : 0;
  let nextStart = 0;

  const send = async (check: Check): Promise<Answer> => {
    await sleep(nextStart - Date.now(), options.signal);
    nextStart = Date.now() + intervalMs;
    const authorization = probeAuthorization(check.credentials, validAuthorization);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const response = await fetch(`${proxyUrl}${UNASSIGN_PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "user-agent": `gong-flows-contract/${VERSION}`,
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify(check.body),
      redirect: "manual",
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    return readAnswer(response, options.redact);
  };

  return async (check: Check): Promise<CheckResult> => {
    let rateLimitRetries = 0;
    let answer: Answer | null = null;
    try {
      answer = await send(check);
      // A 429 that reached us passed the spec (Retry-After included): wait it out like any client would.
      while (
        answer.status === 429 &&
        !answer.proxyProblems &&
        rateLimitRetries < options.maxRateLimitRetries
      ) {
        rateLimitRetries++;
        const seconds = Math.min(Number(answer.retryAfter) || 0, MAX_RETRY_AFTER_SECONDS);
        await sleep(seconds * 1000, options.signal);
        answer = await send(check);
      }
    } catch (error) {
      const problem = options.redact(`no answer: ${error instanceof Error ? error.message : String(error)}`);
      return { check, outcome: "fail", problems: [problem], answer, rateLimitRetries };
    }
    const problems = judge(check.expect, answer);
    if (answer.status === 429 && !answer.proxyProblems) {
      problems.push(
        `still rate limited after ${rateLimitRetries} waits: run again later or with a lower --rps`,
      );
    }
    return { check, outcome: problems.length === 0 ? "pass" : "fail", problems, answer, rateLimitRetries };
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
