import { createGongFlowsClient } from "@gong-flows/client";
import { makeIds, startFakeGong } from "@gong-flows/fake";
import { median } from "./stats.js";

export interface BulkScenario {
  readonly ids: number;
  /** The fake's limit and the client's pacing, in requests per second. */
  readonly rate: number;
  /** The fake's delay before every answer. */
  readonly latencyMs: number;
  /** Indexes of ids the fake does not know (each makes its whole batch fail with 400). */
  readonly nonexistent: readonly number[];
}

/** Medians over the runs, except `rateLimited`, which is the total of all runs. */
export interface BulkResult {
  readonly wallMs: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly runs: number;
}

const AUTH = { accessKey: "bench-key", accessKeySecret: "bench-secret" };

export async function measureBulk(scenario: BulkScenario, runs: number): Promise<BulkResult> {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await runOnce(scenario));
  return {
    wallMs: median(results.map((r) => r.wallMs)),
    requests: median(results.map((r) => r.requests)),
    rateLimited: results.reduce((sum, r) => sum + r.rateLimited, 0),
    runs,
  };
}

async function runOnce(scenario: BulkScenario) {
  const ids = makeIds(scenario.ids);
  const missing = new Set(scenario.nonexistent.map((index) => ids[index] as string));
  const fake = await startFakeGong({
    assigned: ids.filter((id) => !missing.has(id)),
    requestsPerSecond: scenario.rate,
    latencyMs: scenario.latencyMs,
  });
  try {
    // Default options but the rate and base URL: what a user at this company limit would run.
    const gong = createGongFlowsClient({ auth: AUTH, baseUrl: fake.url, requestsPerSecond: scenario.rate });
    const start = performance.now();
    const report = await gong.unassignFlowInstances(ids);
    const wallMs = performance.now() - start;
    // A fast run that got the answer wrong would be no figure at all.
    const wrong =
      report.unassigned.length !== ids.length - missing.size ||
      report.rejected.length !== missing.size ||
      !report.rejected.every((id) => missing.has(id)) ||
      report.requests !== fake.requests.length ||
      fake.violations.length > 0;
    if (wrong) {
      const counts = Object.entries(report).map(([k, v]) => `${k}=${Array.isArray(v) ? v.length : v}`);
      throw new Error(`bulk run ${JSON.stringify(scenario)} went wrong: ${counts.join(" ")}`);
    }
    return {
      wallMs,
      requests: fake.requests.length,
      rateLimited: fake.requests.filter((r) => r.outcome === 429).length,
    };
  } finally {
    await fake.stop();
  }
}
