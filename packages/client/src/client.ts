import type { ClientInternals } from "./engine.js";
import type { GongFlowsClient } from "./gong-flows-client.js";
import { lazyApi } from "./lazy-api.js";
import { type GongFlowsClientOptions, resolveOptions } from "./options.js";

export type { ClientInternals } from "./engine.js";
export type { GongFlowsClient } from "./gong-flows-client.js";

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
  let engine: Promise<GongFlowsClient> | undefined;
  const load = () => {
    engine ??= import("./engine.js").then((module) => module.createEngine(resolved, internals));
    return engine;
  };
  return {
    api: lazyApi(async () => (await load()).api),
    unassignFlowInstances: async (...args) => (await load()).unassignFlowInstances(...args),
    findFlowInstances: async (...args) => (await load()).findFlowInstances(...args),
    async *listFlows(...args) {
      yield* (await load()).listFlows(...args);
    },
    unassignProspects: async (...args) => (await load()).unassignProspects(...args),
  };
}
