import type { UnassignReport } from "../bulk/report.js";
import type { UnassignOptions } from "../bulk/run.js";
import { findFlowInstances } from "./find.js";
import type { LookupConfig, Tally } from "./lookup-call.js";
import type { FlowInstance, FlowInstanceStatus } from "./types.js";

/** Options of {@link GongFlowsClient.unassignProspects}: those of the bulk unassign, and the flows to leave. */
export interface UnassignProspectsOptions extends UnassignOptions {
  /** Only instances of these flows are unassigned (flow ids, decimal digits). Default: every open instance. */
  readonly flowIds?: Iterable<string>;
}

/** The prospects' side of {@link UnassignProspectsReport}. */
export interface ProspectsFound {
  /** The open flow instances found, one per instance, in Gong's order. */
  readonly instances: {
    readonly crmProspectId: string;
    readonly flowId: string;
    readonly flowName: string | undefined;
    readonly flowInstanceId: string;
  }[];
  /** CRM ids with no open instance (of the `flowIds`, if given). */
  readonly withoutOpenInstances: string[];
  /** CRM ids not looked up because the call was aborted first. */
  readonly notLookedUp: string[];
}

/** The report over the flow instances found (their lookups counted in `requests`), plus the prospects. */
export interface UnassignProspectsReport extends UnassignReport {
  readonly prospects: ProspectsFound;
}

/** Pending, Running, Paused: the states in which a prospect is still in the flow. */
export const OPEN_STATUSES: ReadonlySet<FlowInstanceStatus> = new Set(["Pending", "Running", "Paused"]);

/**
 * Looks the prospects' open flow instances up, then unassigns them with the bulk call. A lookup that fails for
 * good rejects with its typed error before any unassign is sent.
 */
export async function unassignProspects(
  config: LookupConfig,
  unassign: (ids: string[], options: UnassignOptions) => Promise<UnassignReport>,
  crmProspectIds: Iterable<string>,
  options: UnassignProspectsOptions = {},
): Promise<UnassignProspectsReport> {
  const { flowIds, ...unassignOptions } = options;
  const tally: Tally = { requests: 0, requestIds: [] };
  const lookup = await findFlowInstances(
    config,
    { crmProspectIds },
    { ...(flowIds === undefined ? {} : { flowIds }), ...(options.signal ? { signal: options.signal } : {}) },
    tally,
  );
  if (lookup.stoppedBy?.kind === "failed") throw lookup.stoppedBy.error;
  // A CRM lookup answers open instances only; a finished one (should Gong send it) has nothing to unassign.
  const open = lookup.instances.filter((instance) => OPEN_STATUSES.has(instance.flowInstanceStatus));
  const withOpen = new Set(open.map((instance) => instance.crmProspectId));
  const prospects: ProspectsFound = {
    instances: open.map(describe),
    withoutOpenInstances: withoutOpen(lookup.notFound, lookup.instances, withOpen),
    notLookedUp: lookup.notLookedUp,
  };
  const ids = [...new Set(open.map((instance) => instance.flowInstanceId))];
  const report =
    ids.length === 0 || options.signal?.aborted ? emptyReport(ids) : await unassign(ids, unassignOptions);
  return {
    ...report,
    requests: tally.requests + report.requests,
    requestIds: [...tally.requestIds, ...report.requestIds],
    prospects,
  };
}

/** CRM ids without an open instance: not found at all, or found with finished instances only; each once. */
function withoutOpen(
  notFound: readonly string[],
  instances: readonly FlowInstance[],
  withOpen: ReadonlySet<string>,
) {
  const result = new Set(notFound);
  for (const instance of instances)
    if (!withOpen.has(instance.crmProspectId)) result.add(instance.crmProspectId);
  return [...result];
}

const describe = (instance: FlowInstance) => ({
  crmProspectId: instance.crmProspectId,
  flowId: instance.flowId,
  flowName: instance.flowName,
  flowInstanceId: instance.flowInstanceId,
});

/** The report of a run with nothing sent: every id skipped. */
function emptyReport(ids: string[]): UnassignReport {
  return {
    unassigned: [],
    notUnassigned: [],
    rejected: [],
    unknown: [],
    skipped: ids,
    duplicates: 0,
    requests: 0,
    requestIds: [],
    errors: [],
  };
}
