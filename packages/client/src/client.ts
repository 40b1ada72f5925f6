import type { Client } from "openapi-fetch";
import type { UnassignReport } from "./bulk/report.js";
import type { UnassignOptions } from "./bulk/run.js";
import type { ClientInternals, Engine } from "./engine.js";
import type { paths } from "./generated/openapi.js";
import { lazyApi } from "./lazy-api.js";
import type { ListFlowsFilter, ListFlowsOptions } from "./lookups/list-flows.js";
import type {
  FindFlowInstancesOptions,
  Flow,
  FlowInstanceLookup,
  FlowInstanceQuery,
} from "./lookups/types.js";
import type { UnassignProspectsOptions, UnassignProspectsReport } from "./lookups/unassign-prospects.js";
import { type GongFlowsClientOptions, resolveOptions } from "./options.js";

export type { ClientInternals } from "./engine.js";

/** The client: the typed single-request API, the lookups, and the bulk operations. */
export interface GongFlowsClient {
  /** The typed openapi-fetch client for the spec: one request, no batching; paced and retried. */
  readonly api: Client<paths>;
  /**
   * Removes prospects from the given flow instances, in as few requests as possible, and accounts for every
   * id in the report. Input errors reject with `GongInputError` before anything is sent; everything after that,
   * including an abort, resolves with the report.
   */
  unassignFlowInstances(ids: Iterable<string>, options?: UnassignOptions): Promise<UnassignReport>;
  /**
   * Finds flow instances: the open ones of CRM prospects (`{ crmProspectIds }`), or given instances whatever their
   * status (`{ flowInstanceIds }`), in batches of `lookupBatchSize`. Every unique input id ends in exactly one of
   * the instances, `notFound` or `notLookedUp`; a lookup that fails for good is in `errors` and stops the call.
   */
  findFlowInstances(
    query: FlowInstanceQuery,
    options?: FindFlowInstancesOptions,
  ): Promise<FlowInstanceLookup>;
  /** Every flow a Gong user sees (company, personal, shared), page after page. */
  listFlows(filter: ListFlowsFilter, options?: ListFlowsOptions): AsyncIterable<Flow>;
  /**
   * Unassigns the open flow instances of CRM prospects (of `flowIds` only, if given): their lookups, then the bulk
   * unassign. A lookup that fails for good rejects with its typed error before any unassign is sent.
   */
  unassignProspects(
    crmProspectIds: Iterable<string>,
    options?: UnassignProspectsOptions,
  ): Promise<UnassignProspectsReport>;
}

/** Creates a client. Throws `GongInputError` on bad options, before any request. */
export function createGongFlowsClient(options: GongFlowsClientOptions): GongFlowsClient {
  return createClientWith(options, {});
}

export function createClientWith(
  options: GongFlowsClientOptions,
  internals: ClientInternals,
): GongFlowsClient {
  const resolved = resolveOptions(options);
  // Options are checked now; the transport, the bulk engine and openapi-fetch load with the first request, so an
  // app pays for them in its startup bundle only if its bundler does not split (see README, "Size").
  let engine: Promise<Engine> | undefined;
  const load = () => {
    engine ??= import("./engine.js").then((module) => module.createEngine(resolved, internals));
    return engine;
  };
  return {
    api: lazyApi(async () => (await load()).api),
    unassignFlowInstances: async (ids, unassignOptions) => (await load()).unassign(ids, unassignOptions),
    findFlowInstances: async (...args) => (await load()).findFlowInstances(...args),
    async *listFlows(...args) {
      yield* (await load()).listFlows(...args);
    },
    unassignProspects: async (...args) => (await load()).unassignProspects(...args),
  };
}
