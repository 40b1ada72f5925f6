import type { RequestFailure } from "../failure.js";
import type { components, paths } from "../generated/openapi.js";
import { OPERATIONS } from "../generated/operations.js";

/** Method and path of the lookup operations, generated from the spec by operationId. */
export const LOOKUP_ROUTE = OPERATIONS.getProspectsAssignedFlows;
export const LIST_FLOWS_ROUTE = OPERATIONS.listFlows;

/** One flow instance as Gong describes it (the spec's `PublicApiAssignedFlow`). */
export type FlowInstance = components["schemas"]["PublicApiAssignedFlow"];
/** One flow as Gong describes it (the spec's `Flow`). */
export type Flow = components["schemas"]["Flow"];
/** The state of a flow instance; Pending, Running and Paused are open. */
export type FlowInstanceStatus = components["schemas"]["FlowInstanceStatus"];

/** The lookup's request body, as the spec allows it: one kind of ids or the other. */
export type LookupBody =
  paths[typeof LOOKUP_ROUTE.path]["post"]["requestBody"]["content"]["application/json"];
/** The lookup's 200 answer. */
export type LookupAnswer =
  paths[typeof LOOKUP_ROUTE.path]["post"]["responses"][200]["content"]["application/json"];
/** The query of `GET /v2/flows`. */
export type ListFlowsQuery = NonNullable<paths[typeof LIST_FLOWS_ROUTE.path]["get"]["parameters"]["query"]>;

/** What to look up: the open flow instances of CRM prospects, or flow instances by id (any status). */
export type FlowInstanceQuery =
  | { readonly crmProspectIds: Iterable<string>; readonly flowInstanceIds?: never }
  | { readonly flowInstanceIds: Iterable<string>; readonly crmProspectIds?: never };

/** Emitted as each lookup request is answered. */
export interface LookupProgressEvent {
  readonly type: "looked-up";
  /** The input ids this request asked about. */
  readonly ids: readonly string[];
  /** Flow instances the answer held (after the `flowIds` filter). */
  readonly found: number;
  /** Unique input ids looked up so far, and in all. */
  readonly settled: number;
  readonly total: number;
}

/** Options of {@link GongFlowsClient.findFlowInstances}. */
export interface FindFlowInstancesOptions {
  /** Keep only instances of these flows (flow ids, decimal digits). */
  readonly flowIds?: Iterable<string>;
  /** Aborting stops the lookups; the call resolves with what was found, the rest in `notLookedUp`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: LookupProgressEvent) => void;
}

/** A lookup request that failed for good (for a Bearer 403, its `message` names the `api:flows:read` scope). */
export interface LookupError extends RequestFailure {
  /** The input ids that request asked about. */
  readonly ids: readonly string[];
}

/**
 * What the lookups found. Every unique input id is in exactly one of: an instance's `crmProspectId` or
 * `flowInstanceId`, `notFound`, or `notLookedUp`.
 */
export interface FlowInstanceLookup {
  /** Gong's records, one per flow instance, in Gong's order (batch after batch). */
  readonly instances: FlowInstance[];
  /** Input ids with no instance in the answers (for CRM ids: no open instance, of the `flowIds` if given). */
  readonly notFound: string[];
  /** Input ids not looked up: their request failed (see `errors`) or the call stopped before sending them. */
  readonly notLookedUp: string[];
  /** Every HTTP attempt of the call, retries included. */
  readonly requests: number;
  /** The request id of every answer, in arrival order. */
  readonly requestIds: string[];
  /** One entry per lookup request that failed for good; after one, nothing more is sent. */
  readonly errors: LookupError[];
}
