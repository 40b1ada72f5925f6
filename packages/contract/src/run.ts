import { type GongAuth, GongInputError, MAX_IDS_PER_REQUEST, OPTION_RANGES } from "@gong-flows/client";
import { createRedactor, describeValue, idProblem, normalizeBaseUrl } from "@gong-flows/client/node";
import { type RunningServer, startPrism } from "@gong-flows/fake/prism";
import { type Check, type ProbeId, readOnlyChecks, UNKNOWN_PROBE_ID, writeCheck } from "./checks.js";
import { authorizationOf, secretsOf } from "./credentials.js";
import { type CheckResult, createProber, skipped } from "./probe.js";
import { findProbeId } from "./probe-id.js";
import { startValidatingProxy } from "./proxy.js";
import { specPath } from "./spec.js";

export type { CheckResult } from "./probe.js";

/** Options of {@link runContract}. */
export interface ContractOptions {
  /** Base URL of the implementation under test; omit it for the self-test against a Prism mock of the spec. */
  target?: string;
  /** Credentials the target accepts; required with `target` (the self-test uses placeholders). */
  auth?: GongAuth;
  /** Ids to really unassign (1 to the spec's maxItems): adds the one check that changes the target's state. */
  writeIds?: readonly string[];
  /** Probe starts per second, to spare the company's shared rate limit; `null` for none. Default 1 with a target. */
  requestsPerSecond?: number | null;
  /** Milliseconds to wait for each answer. Default 30 000. */
  timeoutMs?: number;
  /** How many times a documented 429 is waited out before its check fails. Default 2. */
  maxRateLimitRetries?: number;
  /** Called once the servers are up and the probe id is chosen, before the first check. */
  onStart?: (target: string | null, checks: readonly Check[], probeId: ProbeId) => void;
  /** Called as each check settles, for live output. */
  onResult?: (result: CheckResult) => void;
  /** Stops the run: checks not yet run are not reported, servers are stopped. */
  signal?: AbortSignal;
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
const SKIPPED_ON_MOCK = "a mock accepts any well-formed credentials; run with --target to check this";

/** The checks a run performs, in order, with the body-rule checks carrying `probeId`. */
export function plannedChecks(
  writeIds: readonly string[] = [],
  probeId: ProbeId = UNKNOWN_PROBE_ID,
): Check[] {
  const checks = readOnlyChecks(probeId);
  return writeIds.length > 0 ? [...checks, writeCheck(writeIds)] : checks;
}

/**
 * Runs the conformance suite against `options.target` (or a Prism mock of the spec) through
 * `prism proxy --errors`, so every answer is validated against the spec as well as against each check.
 */
export async function runContract(options: ContractOptions = {}): Promise<ContractReport> {
  const selfTest = options.target === undefined;
  const target = selfTest ? null : normalizeBaseUrl(options.target);
  if (!selfTest && !options.auth) {
    throw new GongInputError("runContract: a target needs auth", { field: "auth" });
  }
  const writeIds = validWriteIds(options.writeIds);
  const servers: RunningServer[] = [];
  const results: CheckResult[] = [];
  try {
    const upstream = target ?? (await started(servers, startPrism({ spec: specPath }))).url;
    const proxy = await started(servers, startValidatingProxy(upstream));
    const prober = createProber(proxy.url, authorizationOf(options.auth ?? SELF_TEST_AUTH), {
      redact: createRedactor(options.auth ? secretsOf(options.auth) : []),
      requestsPerSecond:
        options.requestsPerSecond === undefined ? (selfTest ? null : 1) : options.requestsPerSecond,
      timeoutMs: options.timeoutMs ?? OPTION_RANGES.timeoutMs.default,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 2,
      signal: options.signal,
    });
    const probeId = await findProbeId(writeIds, prober.post);
    const checks = plannedChecks(writeIds, probeId);
    options.onStart?.(target, checks, probeId);
    for (const check of checks) {
      const result =
        selfTest && check.needsCredentialVerification
          ? skipped(check, SKIPPED_ON_MOCK)
          : await prober.run(check);
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
  if (unique.length > MAX_IDS_PER_REQUEST) {
    throw new GongInputError(
      `at most ${MAX_IDS_PER_REQUEST} ids can be unassigned in one request, got ${unique.length}`,
      { field: "writeIds" },
    );
  }
  unique.forEach((id, index) => {
    const problem = idProblem(id);
    if (problem) {
      throw new GongInputError(`write id ${describeValue(id)} ${problem}`, {
        field: "writeIds",
        index,
        value: id,
      });
    }
  });
  return unique;
}

async function started(servers: RunningServer[], starting: Promise<RunningServer>): Promise<RunningServer> {
  const server = await starting;
  servers.push(server);
  return server;
}
