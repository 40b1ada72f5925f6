import type { Client } from "openapi-fetch";
import type { UnassignReport } from "./bulk/report.js";
import type { UnassignOptions } from "./bulk/run.js";
import type { paths } from "./generated/openapi.js";
import type { ListFlowsFilter, ListFlowsOptions } from "./lookups/list-flows.js";
import type {
  FindFlowInstancesOptions,
  Flow,
  FlowInstanceLookup,
  FlowInstanceQuery,
} from "./lookups/types.js";
import type { UnassignProspectsOptions, UnassignProspectsReport } from "./lookups/unassign-prospects.js";

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
