import createClient from "openapi-fetch";
import { authHeaderOf } from "./auth-header.js";
import { unassignInBulk } from "./bulk/run.js";
import { MAX_ID_LENGTH, MAX_IDS_PER_REQUEST } from "./defaults.js";
import type { paths } from "./generated/openapi.js";
import type { GongFlowsClient } from "./gong-flows-client.js";
import { withDailyLimit } from "./limiter/daily.js";
import type { Limiter } from "./limiter/limiter.js";
import { createPacer } from "./limiter/pacer.js";
import { findFlowInstances } from "./lookups/find.js";
import { listFlows } from "./lookups/list-flows.js";
import type { LookupConfig } from "./lookups/lookup-call.js";
import { unassignProspects } from "./lookups/unassign-prospects.js";
import type { ResolvedOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { type Clock, systemClock } from "./transport/clock.js";
import { createTransport } from "./transport/transport.js";
import { userAgent } from "./transport/user-agent.js";

/**
 * Most body bytes (after decompression) read from one answer: four times the largest 200 the spec allows (every id
 * listed at the longest accepted length, quoted, plus a request id). Past it the answer is invalid, so a gzip bomb
 * or an endless body cannot fill the memory.
 */
export const MAX_RESPONSE_BYTES = 4 * (MAX_IDS_PER_REQUEST * (MAX_ID_LENGTH + 3) + 1024);

/** Time and randomness, replaced in tests so retries and pacing run without real waiting. */
export interface ClientInternals {
  clock?: Clock;
  random?: () => number;
}

const SHARED_LIMITER_CONCURRENCY = 8;

/** The default limiter: pacing in this process, and a count per UTC day unless `dailyRequestLimit` is null. */
function inProcessLimiter(rate: number | null, daily: number | null, clock: Clock): Limiter {
  const pacer = createPacer(rate, clock);
  return daily === null ? pacer : withDailyLimit(pacer, daily);
}

/**
 * Wires checked options into the transport, the bulk call and the lookups, sharing one limiter: the client a
 * {@link createGongFlowsClient} hands out forwards to this one. Loaded on a client's first request.
 */
export function createEngine(resolved: ResolvedOptions, internals: ClientInternals): GongFlowsClient {
  const clock = internals.clock ?? systemClock;
  const auth = authHeaderOf(resolved.auth);
  const transport = createTransport({
    fetch: resolved.fetch,
    authorization: auth.authorization,
    authScheme: auth.scheme,
    userAgent: userAgent(),
    timeoutMs: resolved.timeoutMs,
    maxBodyBytes: MAX_RESPONSE_BYTES,
    maxRetries: resolved.maxRetries,
    maxRetryAfterSeconds: resolved.maxRetryAfterSeconds,
    limiter:
      resolved.limiter ?? inProcessLimiter(resolved.requestsPerSecond, resolved.dailyRequestLimit, clock),
    clock,
    random: internals.random ?? Math.random,
    redact: createRedactor(auth.secrets),
    onRequest: resolved.onRequest,
  });
  // Enough overlap that slow answers do not pull the run below the paced rate. A given limiter's rate is its own:
  // 8 requests may wait on it at once (each holds one reserved start, so more would only lengthen the queue).
  const concurrency =
    resolved.limiter !== null
      ? SHARED_LIMITER_CONCURRENCY
      : resolved.requestsPerSecond === null
        ? 4
        : Math.min(16, Math.max(1, Math.ceil(resolved.requestsPerSecond * 2)));
  // The lookups speak through openapi-fetch over the same transport: typed by the spec, paced and retried alike.
  const lookup: LookupConfig = {
    api: createClient<paths>({ baseUrl: resolved.baseUrl, fetch: (request) => transport.fetch(request) }),
    transport,
    batchSize: resolved.lookupBatchSize,
    concurrency,
  };
  const bulkConfig = {
    transport,
    baseUrl: resolved.baseUrl,
    batchSize: resolved.batchSize,
    maxIsolationRequests: resolved.maxIsolationRequests,
    concurrency,
    lookup,
  };
  const unassignFlowInstances: GongFlowsClient["unassignFlowInstances"] = (ids, options) =>
    unassignInBulk(bulkConfig, ids, options);
  return {
    api: createClient<paths>({ baseUrl: resolved.baseUrl, fetch: (request) => transport.fetch(request) }),
    unassignFlowInstances,
    findFlowInstances: async (query, options) => {
      const { stoppedBy: _, ...found } = await findFlowInstances(lookup, query, options);
      return found;
    },
    listFlows: (filter, options) => listFlows(lookup, filter, options),
    unassignProspects: (crmProspectIds, options) =>
      unassignProspects(lookup, unassignFlowInstances, crmProspectIds, options),
  };
}
