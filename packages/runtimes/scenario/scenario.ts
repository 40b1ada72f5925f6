import { createGongFlowsClient, type UnassignReport } from "@gong-flows/client";

/**
 * The same scenario in every runtime: one typed `api.POST`, then one bulk run in which one id does not exist, so
 * the client must isolate it. Written against the web platform only (no Node built-in, no runtime global), so it
 * runs as it is on Node, Bun, Deno and in a browser page.
 */

/** A non-ASCII secret: the Basic header must be the base64 of its UTF-8 bytes everywhere. */
export const CREDENTIALS = { accessKey: "runtime-key", accessKeySecret: "runtime-sécret" } as const;
export const SINGLE_ID = "7001";
export const ASSIGNED_IDS = ["7002", "7003", "7004"] as const;
export const MISSING_ID = "7999";
/** The bulk input: the missing id sits between assigned ones, so isolation has to split around it. */
export const BULK_IDS = [ASSIGNED_IDS[0], ASSIGNED_IDS[1], MISSING_ID, ASSIGNED_IDS[2]] as const;

export interface ScenarioResult {
  /** Which runtime ran the scenario, as that runtime reports itself. */
  readonly runtime: string;
  readonly single: { readonly status: number; readonly data: unknown };
  readonly report: UnassignReport;
}

export async function runScenario(baseUrl: string): Promise<ScenarioResult> {
  const gong = createGongFlowsClient({ auth: CREDENTIALS, baseUrl, requestsPerSecond: null });
  const single = await gong.api.POST("/v2/flows/prospects/unassign-flows-by-instance-id", {
    body: { flowInstanceIds: [SINGLE_ID] },
  });
  const report = await gong.unassignFlowInstances(BULK_IDS);
  return {
    runtime: describeRuntime(),
    single: { status: single.response.status, data: single.data ?? single.error },
    report,
  };
}

interface RuntimeGlobals {
  Bun?: { version: string };
  Deno?: { version: { deno: string } };
  process?: { versions?: { node?: string } };
  navigator?: { userAgent?: string };
}

function describeRuntime(): string {
  const runtime = globalThis as RuntimeGlobals;
  // Bun and Deno also define `process`: ask for them first.
  if (runtime.Bun) return `bun ${runtime.Bun.version}`;
  if (runtime.Deno) return `deno ${runtime.Deno.version.deno}`;
  if (runtime.process?.versions?.node) return `node ${runtime.process.versions.node}`;
  return runtime.navigator?.userAgent ?? "unknown";
}
