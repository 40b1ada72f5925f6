import createClient, { type Client } from "openapi-fetch";
import type { UnassignReport } from "./bulk/report.js";
import type { UnassignOptions } from "./bulk/run.js";
import { MAX_RESPONSE_BYTES } from "./defaults.js";
import type { paths } from "./generated/openapi.js";
import { createPacer } from "./limiter/pacer.js";
import type { ListFlowsFilter, ListFlowsOptions } from "./lookups/list-flows.js";
import type {
  FindFlowInstancesOptions,
  Flow,
  FlowInstanceLookup,
  FlowInstanceQuery,
} from "./lookups/types.js";
import type { UnassignProspectsOptions, UnassignProspectsReport } from "./lookups/unassign-prospects.js";
import { type GongFlowsClientOptions, resolveOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { type Clock, systemClock } from "./transport/clock.js";
import { createTransport } from "./transport/transport.js";
import { userAgent } from "./version.js";

/** The client: the typed single-request API, the lookups, and the bulk operations. */
export interface GongFlowsClient {
  /** The typed openapi-fetch client for the spec: one request, no batching; paced and retried. */
  readonly api: Client<paths>;
  /**
   * Removes prospects from the given flow instances, in as few requests as possible, and accounts for every
   * id in the report. Input errors throw `GongInputError` before anything is sent; everything after that,
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

/** Time and randomness, replaced in tests so retries and pacing run without real waiting. */
export interface ClientInternals {
  clock?: Clock;
  random?: () => number;
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
  const clock = internals.clock ?? systemClock;
  const transport = createTransport({
    fetch: resolved.fetch,
    authorization: resolved.auth.authorization,
    authScheme: resolved.auth.scheme,
    userAgent: userAgent(),
    timeoutMs: resolved.timeoutMs,
    maxBodyBytes: MAX_RESPONSE_BYTES,
    maxRetries: resolved.maxRetries,
    maxRetryAfterSeconds: resolved.maxRetryAfterSeconds,
    limiter: createPacer(resolved.requestsPerSecond, clock),
    clock,
    random: internals.random ?? Math.random,
    redact: createRedactor(resolved.auth.secrets),
    onRequest: resolved.onRequest,
  });
  const api = createClient<paths>({ baseUrl: resolved.baseUrl, fetch: transport.fetch });
  // Enough overlap that slow answers do not pull the run below the paced rate.
  const concurrency =
    resolved.requestsPerSecond === null
      ? 4
      : Math.min(16, Math.max(1, Math.ceil(resolved.requestsPerSecond * 2)));
  const lookupConfig = { api, transport, batchSize: resolved.lookupBatchSize, concurrency };
  const bulkConfig = {
    transport,
    baseUrl: resolved.baseUrl,
    batchSize: resolved.batchSize,
    maxIsolationRequests: resolved.maxIsolationRequests,
    concurrency,
    lookup: lookupConfig,
  };
  const unassignFlowInstances: GongFlowsClient["unassignFlowInstances"] = async (ids, unassignOptions) => {
    const { unassignInBulk } = await import("./bulk/run.js");
    return unassignInBulk(bulkConfig, ids, unassignOptions);
  };
  // The bulk engine and the lookups load on first use: an app that only calls `api` does not carry them (see
  // README, "Size").
  return {
    api,
    unassignFlowInstances,
    findFlowInstances: async (query, findOptions) => {
      const { findFlowInstances } = await import("./lookups/find.js");
      const { failure: _, ...lookup } = await findFlowInstances(lookupConfig, query, findOptions);
      return lookup;
    },
    listFlows: (filter, listOptions) => ({
      async *[Symbol.asyncIterator]() {
        const { listFlows } = await import("./lookups/list-flows.js");
        yield* listFlows(lookupConfig, filter, listOptions);
      },
    }),
    unassignProspects: async (crmProspectIds, unassignOptions) => {
      const { unassignProspects } = await import("./lookups/unassign-prospects.js");
      return unassignProspects(lookupConfig, unassignFlowInstances, crmProspectIds, unassignOptions);
    },
  };
}
