import type { Client } from "openapi-fetch";
import { type GongApiError, GongInvalidResponseError } from "../errors.js";
import type { paths } from "../generated/openapi.js";
import type { RequestResult, Transport } from "../transport/transport.js";
import { type FlowInstance, LOOKUP_ROUTE, type LookupAnswer, type LookupBody } from "./types.js";

/** What the lookups share with the rest of the client: the typed `api` over the one transport. */
export interface LookupConfig {
  readonly api: Client<paths>;
  readonly transport: Transport;
  readonly batchSize: number;
  /** How many lookups may be in flight at once; pacing still spaces their starts. */
  readonly concurrency: number;
}

/** Counts of one call's requests, kept as they happen. */
export interface Tally {
  requests: number;
  readonly requestIds: string[];
}

/** How one lookup request ended. */
export type LookupResult =
  | { readonly kind: "answered"; readonly instances: FlowInstance[] }
  | { readonly kind: "failed"; readonly error: GongApiError }
  | { readonly kind: "aborted" };

/**
 * Sends one `POST /v2/flows/prospects` through `api` (so through the transport: pacing, retries, typed errors)
 * and reads its answer. Every attempt is counted in `tally`, every answer's request id kept.
 */
export async function lookUpOnce(
  config: LookupConfig,
  body: LookupBody,
  tally: Tally,
  signal: AbortSignal | undefined,
): Promise<LookupResult> {
  let result: RequestResult | undefined;
  const observed = (request: Request) =>
    config.transport.fetch(request, {
      onAttempt: () => {
        tally.requests++;
      },
      onResult: (ended) => {
        result = ended;
      },
    });
  try {
    const { data } = await config.api.POST(LOOKUP_ROUTE.path, {
      body,
      fetch: observed,
      ...(signal ? { signal } : {}),
    });
    if (result?.kind === "failed") {
      if (result.error.requestId) tally.requestIds.push(result.error.requestId);
      return { kind: "failed", error: result.error };
    }
    const requestId = result?.kind === "answered" ? result.requestId : null;
    if (requestId) tally.requestIds.push(requestId);
    const instances = readLookupAnswer(data);
    if (instances === null) {
      const status = result?.kind === "answered" ? result.response.status : null;
      return {
        kind: "failed",
        error: new GongInvalidResponseError(
          "Gong answered the flow instance lookup with a body that does not match the spec",
          { status, requestId },
        ),
      };
    }
    return { kind: "answered", instances };
  } catch (error) {
    if (result?.kind === "failed") return { kind: "failed", error: result.error };
    if (signal?.aborted || result?.kind === "aborted") return { kind: "aborted" };
    // The transport had an answer and openapi-fetch could not parse it: a 2xx body that is not JSON.
    if (result?.kind === "answered") {
      const { requestId } = result;
      if (requestId) tally.requestIds.push(requestId);
      return { kind: "failed", error: notJson("the flow instance lookup", result, error) };
    }
    throw error;
  }
}

/** The error of a 2xx answer whose body openapi-fetch could not parse as JSON. */
export function notJson(
  what: string,
  answer: Extract<RequestResult, { kind: "answered" }>,
  cause: unknown,
): GongInvalidResponseError {
  return new GongInvalidResponseError(`Gong answered ${what} with a body that is not JSON`, {
    status: answer.response.status,
    requestId: answer.requestId,
    cause,
  });
}

/**
 * The records of a lookup answer, or `null` when it breaks the spec: `prospectsAssigned` missing or not an array
 * of objects with string `flowInstanceId`, `flowId` and `crmProspectId`. Unknown fields are kept.
 */
export function readLookupAnswer(data: unknown): FlowInstance[] | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  // Read through the generated type's keys: a rename in the spec fails here at compile time.
  const records = (data as { readonly [K in keyof LookupAnswer]?: unknown }).prospectsAssigned;
  if (!Array.isArray(records)) return null;
  const valid = records.every((record: unknown) => {
    if (typeof record !== "object" || record === null) return false;
    const fields = record as { readonly [K in keyof FlowInstance]?: unknown };
    return (
      typeof fields.flowInstanceId === "string" &&
      typeof fields.flowId === "string" &&
      typeof fields.crmProspectId === "string"
    );
  });
  return valid ? (records as FlowInstance[]) : null;
}
