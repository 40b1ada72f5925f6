import { validateIds } from "../bulk/validate.js";
import { failureOf } from "../failure.js";
import { GongInputError } from "../input-error.js";
import { type LookupConfig, type LookupResult, lookUpOnce, type Tally } from "./lookup-call.js";
import type {
  FindFlowInstancesOptions,
  FlowInstance,
  FlowInstanceLookup,
  FlowInstanceQuery,
  LookupBody,
  LookupError,
} from "./types.js";
import { validateSchemaIds } from "./validate.js";

/** Checks the query before anything is sent: exactly one kind of ids, each valid for its schema. */
export function readQuery(query: unknown): { kind: "crmProspectIds" | "flowInstanceIds"; ids: string[] } {
  if (typeof query !== "object" || query === null) {
    throw new GongInputError("findFlowInstances needs { crmProspectIds } or { flowInstanceIds }", {
      field: "query",
    });
  }
  const { crmProspectIds, flowInstanceIds } = query as Record<string, unknown>;
  if ((crmProspectIds === undefined) === (flowInstanceIds === undefined)) {
    throw new GongInputError("findFlowInstances needs exactly one of crmProspectIds and flowInstanceIds", {
      field: "query",
    });
  }
  return crmProspectIds !== undefined
    ? { kind: "crmProspectIds", ids: validateSchemaIds("crmProspectIds", crmProspectIds, false) }
    : { kind: "flowInstanceIds", ids: validateIds(flowInstanceIds, "flowInstanceIds") };
}

/** Unique ids in first-occurrence order. */
const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Looks up flow instances by CRM prospect ids or by instance ids, in batches, and accounts for every id. */
export async function findFlowInstances(
  config: LookupConfig,
  query: FlowInstanceQuery,
  options: FindFlowInstancesOptions = {},
  tally: Tally = { requests: 0, requestIds: [] },
): Promise<FlowInstanceLookup & { readonly stoppedBy: LookupResult | null }> {
  const { kind, ids } = readQuery(query);
  const flowIds =
    options.flowIds === undefined ? null : new Set(validateSchemaIds("flowIds", options.flowIds, false));
  const all = unique(ids);
  const batches: string[][] = [];
  for (let start = 0; start < all.length; start += config.batchSize) {
    batches.push(all.slice(start, start + config.batchSize));
  }
  const found: (FlowInstance[] | undefined)[] = batches.map(() => undefined);
  const errors: LookupError[] = [];
  let stoppedBy: LookupResult | null = null;
  let settled = 0;
  let next = 0;
  const keyOf = (instance: FlowInstance) =>
    kind === "crmProspectIds" ? instance.crmProspectId : instance.flowInstanceId;

  const work = async () => {
    for (let index = next++; index < batches.length && stoppedBy === null; index = next++) {
      if (options.signal?.aborted) return;
      const batch = batches[index] as string[];
      const body: LookupBody =
        kind === "crmProspectIds" ? { crmProspectsIds: batch } : { flowInstanceIds: batch };
      const result = await lookUpOnce(config, body, tally, options.signal);
      if (result.kind === "aborted") return;
      if (result.kind === "failed") {
        stoppedBy ??= result;
        const { error } = result;
        errors.push({
          ...failureOf(error),
          ids: batch,
        });
        return;
      }
      const asked = new Set(batch);
      // Only records about what was asked, of the flows asked for, count: a stray record is not an answer.
      const kept = result.instances.filter(
        (instance) => asked.has(keyOf(instance)) && (flowIds === null || flowIds.has(instance.flowId)),
      );
      found[index] = kept;
      settled += batch.length;
      options.onProgress?.({ type: "looked-up", ids: batch, found: kept.length, settled, total: all.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(config.concurrency, batches.length)) }, work));

  const instances: FlowInstance[] = [];
  const notFound: string[] = [];
  const notLookedUp: string[] = [];
  for (const [index, batch] of batches.entries()) {
    const answer = found[index];
    if (answer === undefined) {
      notLookedUp.push(...batch);
      continue;
    }
    instances.push(...answer);
    const withInstance = new Set(answer.map(keyOf));
    for (const id of batch) if (!withInstance.has(id)) notFound.push(id);
  }
  return {
    instances,
    notFound,
    notLookedUp,
    requests: tally.requests,
    requestIds: tally.requestIds,
    errors,
    stoppedBy,
  };
}
