import { OPERATIONS, type Redactor } from "@gong-flows/client/node";

import { type Answer, readAnswer } from "./answer.js";
import { type Check, probeAuthorization } from "./checks.js";
import { inconclusive, judge } from "./judge.js";
import { VERSION } from "./version.js";

const UNASSIGN_PATH = OPERATIONS.unassignFlows.path;

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

const MAX_RETRY_AFTER_SECONDS = 60;

/** A check that was not run, and why. */
export const skipped = (check: Check, reason: string): CheckResult => ({
  check,
  outcome: "skip",
  problems: [reason],
  answer: null,
  rateLimitRetries: 0,
});

interface ProberOptions {
  redact: Redactor;
  requestsPerSecond: number | null;
  timeoutMs: number;
  maxRateLimitRetries: number;
  signal: AbortSignal | undefined;
}

/**
 * Sends checks one at a time, paced, waiting out documented 429s, and judges the answers (`run`); `post` sends
 * any other request with the caller's credentials, on the same pace.
 */
export function createProber(proxyUrl: string, validAuthorization: string, options: ProberOptions) {
  const intervalMs = options.requestsPerSecond ? 1000 / options.requestsPerSecond : 0;
  let nextStart = 0;

  const post = async (path: string, body: unknown, authorization: string | undefined): Promise<Answer> => {
    await sleep(nextStart - Date.now(), options.signal);
    nextStart = Date.now() + intervalMs;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const response = await fetch(`${proxyUrl}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "user-agent": `gong-flows-contract/${VERSION}`,
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    return readAnswer(response, options.redact);
  };
  const send = (check: Check) =>
    post(UNASSIGN_PATH, check.body, probeAuthorization(check.credentials, validAuthorization));

  const run = async (check: Check): Promise<CheckResult> => {
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
    const unproven = problems.length === 0 ? inconclusive(check.expect, answer) : null;
    if (unproven) return { check, outcome: "skip", problems: [unproven], answer, rateLimitRetries };
    return { check, outcome: problems.length === 0 ? "pass" : "fail", problems, answer, rateLimitRetries };
  };

  return { run, post: (path: string, body: unknown) => post(path, body, validAuthorization) };
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
