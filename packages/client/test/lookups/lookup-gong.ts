import type { Flow, FlowInstance, FlowInstanceStatus } from "../../src/index.js";
import { json } from "../helpers.js";

const OPEN = new Set<FlowInstanceStatus>(["Pending", "Running", "Paused"]);

/** A prospect's instance in the scripted Gong: `status` defaults to Running. */
export interface Seed {
  readonly crmProspectId: string;
  readonly flowId: string;
  readonly flowInstanceId: string;
  readonly status?: FlowInstanceStatus;
}

export const instance = (seed: Seed): FlowInstance => ({
  flowId: seed.flowId,
  flowName: `Flow ${seed.flowId}`,
  crmProspectId: seed.crmProspectId,
  flowInstanceId: seed.flowInstanceId,
  flowInstanceOwnerEmail: "owner@example.com",
  flowInstanceStatus: seed.status ?? "Running",
  workspaceId: "623457276584334",
  exclusive: false,
});

/**
 * A scripted Gong for the lookups, through an injected `fetch`: prospects with open and finished instances, flows
 * over pages, the unassign operation, and a way to answer the lookups with a status instead (a 403 for a token that
 * may not read). `finishedInLookups`: a CRM lookup also answers finished instances, as Gong might.
 */
export function lookupGong(options: {
  seeds?: Seed[];
  flows?: Flow[];
  pageSize?: number;
  lookupStatus?: number;
  finishedInLookups?: boolean;
}) {
  const instances = (options.seeds ?? []).map(instance);
  const assigned = new Set(
    instances.filter((i) => OPEN.has(i.flowInstanceStatus)).map((i) => i.flowInstanceId),
  );
  const calls: { method: string; path: string; body: unknown; query: URLSearchParams }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    const raw =
      init?.body === undefined || init.body === null
        ? ""
        : new TextDecoder().decode(init.body as ArrayBuffer);
    const body = raw === "" ? undefined : JSON.parse(raw);
    calls.push({ method, path: url.pathname, body, query: url.searchParams });
    if (url.pathname === "/v2/flows/prospects" && method === "POST") {
      if (options.lookupStatus) return json(options.lookupStatus, { requestId: "rl", errors: ["forbidden"] });
      const found = body.crmProspectsIds
        ? instances.filter(
            (i) =>
              body.crmProspectsIds.includes(i.crmProspectId) &&
              (options.finishedInLookups || assigned.has(i.flowInstanceId)),
          )
        : instances.filter((i) => body.flowInstanceIds.includes(i.flowInstanceId));
      return json(200, { requestId: `r${calls.length}`, prospectsAssigned: found });
    }
    if (url.pathname === "/v2/flows/prospects/unassign-flows-by-instance-id" && method === "POST") {
      const ids: string[] = body.flowInstanceIds;
      if (!ids.every((id) => instances.some((i) => i.flowInstanceId === id))) {
        return json(400, {
          requestId: `r${calls.length}`,
          errors: ["One or more of the given flowInstanceIds does not exist"],
        });
      }
      const listed = ids.filter((id) => assigned.delete(id));
      return json(200, { requestId: `r${calls.length}`, unassignedFlowInstanceIds: listed });
    }
    if (url.pathname === "/v2/flows" && method === "GET") {
      const flows = options.flows ?? [];
      const size = options.pageSize ?? 2;
      const page = Number(url.searchParams.get("cursor")?.replace("page-", "") ?? "0");
      const slice = flows.slice(page * size, page * size + size);
      const more = (page + 1) * size < flows.length;
      return json(200, {
        requestId: `r${calls.length}`,
        records: {
          totalRecords: flows.length,
          currentPageSize: slice.length,
          currentPageNumber: page,
          ...(more ? { cursor: `page-${page + 1}` } : {}),
        },
        flows: slice,
      });
    }
    return json(404, { errors: ["no such route"] });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls, assigned };
}
