import createClient, { type Client } from "openapi-fetch";
import type { UnassignReport } from "./bulk/report.js";
import type { UnassignOptions } from "./bulk/run.js";
import type { ClientInternals, Engine } from "./engine.js";
import type { paths } from "./generated/openapi.js";
import { type GongFlowsClientOptions, resolveOptions } from "./options.js";

export type { ClientInternals } from "./engine.js";

/** The client: the typed single-request API, and the bulk operation. */
export interface GongFlowsClient {
  /** The typed openapi-fetch client for the spec: one request, no batching; paced and retried. */
  readonly api: Client<paths>;
  /**
   * Removes prospects from the given flow instances, in as few requests as possible, and accounts for every
   * id in the report. Input errors reject with `GongInputError` before anything is sent; everything after that,
   * including an abort, resolves with the report.
   */
  unassignFlowInstances(ids: Iterable<string>, options?: UnassignOptions): Promise<UnassignReport>;
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
  // Options are checked now; the transport and the bulk engine load with the first request, so an app pays for
  // them in its startup bundle only if its bundler does not split (see README, "Size").
  let engine: Promise<Engine> | undefined;
  const load = () => {
    engine ??= import("./engine.js").then((module) => module.createEngine(resolved, internals));
    return engine;
  };
  return {
    api: createClient<paths>({
      baseUrl: resolved.baseUrl,
      fetch: async (request) => (await load()).fetch(request),
    }),
    unassignFlowInstances: async (ids, unassignOptions) => (await load()).unassign(ids, unassignOptions),
  };
}
