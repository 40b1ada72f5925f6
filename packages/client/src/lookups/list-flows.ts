import { validateEmail } from "../bulk/validate.js";
import { GongInvalidResponseError } from "../errors.js";
import { GongInputError } from "../input-error.js";
import type { RequestResult } from "../transport/transport.js";
import { type LookupConfig, notJson } from "./lookup-call.js";
import { type Flow, LIST_FLOWS_ROUTE, type ListFlowsQuery } from "./types.js";
import { validateSchemaId } from "./validate.js";

/** Which flows to list: those a Gong user sees (company, personal and shared), optionally of one workspace or folder. */
export interface ListFlowsFilter {
  readonly flowOwnerEmail: string;
  readonly workspaceId?: string;
  readonly folderId?: string;
}

/** Options of {@link GongFlowsClient.listFlows}. */
export interface ListFlowsOptions {
  readonly signal?: AbortSignal;
}

/** Most pages one listing follows: a server handing out cursors for ever is an invalid answer, not a loop. */
const MAX_PAGES = 10_000;

/**
 * Every flow, page after page (`records.cursor` until it is absent). Input is checked before the first request;
 * a page that fails for good throws its typed error; an answer that breaks the spec throws
 * `GongInvalidResponseError`.
 */
export async function* listFlows(
  config: LookupConfig,
  filter: ListFlowsFilter,
  options: ListFlowsOptions = {},
): AsyncGenerator<Flow, void, undefined> {
  const base: ListFlowsQuery = readFilter(filter);
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let result: RequestResult | undefined;
    const { data } = await config.api
      .GET(LIST_FLOWS_ROUTE.path, {
        params: { query: cursor === undefined ? base : { ...base, cursor } },
        fetch: (request: Request) =>
          config.transport.fetch(request, { onResult: (ended) => (result = ended) }),
        ...(options.signal ? { signal: options.signal } : {}),
      })
      .catch((error: unknown) => {
        // An answer openapi-fetch could not parse is Gong's fault, not the caller's: a typed error, as any other.
        const answered = result?.kind === "answered" && !options.signal?.aborted ? result : null;
        throw answered ? notJson("the flow listing", answered, error) : error;
      });
    if (result?.kind === "failed") throw result.error;
    const requestId = result?.kind === "answered" ? result.requestId : null;
    const flows = data?.flows;
    const records = data?.records;
    if (!Array.isArray(flows) || typeof records !== "object" || records === null) {
      throw new GongInvalidResponseError(
        "Gong answered the flow listing with a body that does not match the spec",
        {
          status: 200,
          requestId,
        },
      );
    }
    yield* flows;
    if (records.cursor === undefined || records.cursor === "") return;
    if (seen.has(records.cursor)) {
      throw new GongInvalidResponseError(
        "Gong handed out a cursor it had handed out before: the listing would not end",
        {
          status: 200,
          requestId,
        },
      );
    }
    seen.add(records.cursor);
    cursor = records.cursor;
  }
  throw new GongInvalidResponseError(`Gong's flow listing went on for more than ${MAX_PAGES} pages`, {});
}

function readFilter(filter: ListFlowsFilter): ListFlowsQuery {
  if (typeof filter !== "object" || filter === null || filter.flowOwnerEmail === undefined) {
    throw new GongInputError("listFlows needs { flowOwnerEmail }: the Gong user whose flows are listed", {
      field: "flowOwnerEmail",
    });
  }
  const email = validateEmail(filter.flowOwnerEmail, "flowOwnerEmail") as string;
  const workspaceId = validateSchemaId("workspaceId", filter.workspaceId);
  const folderId = validateSchemaId("folderId", filter.folderId);
  return {
    flowOwnerEmail: email,
    ...(workspaceId === undefined ? {} : { workspaceId }),
    ...(folderId === undefined ? {} : { folderId }),
  };
}
