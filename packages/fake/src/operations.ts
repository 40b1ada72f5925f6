import type { components, operations } from "./generated/openapi.js";
import type { FakeState, InstanceView } from "./state.js";

type Schemas = components["schemas"];

/** An answer an operation gives, before the fake adds `requestId` and its headers. */
export interface Reply {
  readonly status: number;
  readonly body: object;
}

/** What an operation sees of a request that passed the spec's checks. */
export interface OperationInput {
  readonly body: unknown;
  readonly query: Readonly<Record<string, unknown>>;
}

export type OperationHandler = (state: FakeState, input: OperationInput) => Reply;

/** Gong's observed answer when any id of an unassign request does not exist. */
export const ERROR_OF_UNKNOWN_ID = "One or more of the given flowInstanceIds does not exist";

/** A body without the `requestId` the fake adds to every answer. */
type Answer<T> = Omit<T, "requestId">;

const ok = <T extends object>(body: Answer<T>): Reply => ({ status: 200, body });
const error = (status: number, message: string): Reply => ({ status, body: { errors: [message] } });

const unassignFlows: OperationHandler = (state, { body }) => {
  const request = body as Schemas["UnassignFlowsByInstanceIdRequest"];
  const result = state.unassign(request.flowInstanceIds);
  if (result.kind === "unknown-ids") return error(400, ERROR_OF_UNKNOWN_ID);
  return ok<Schemas["UnassignFlowsResponse"]>({ unassignedFlowInstanceIds: [...result.removed] });
};

const getProspectsAssignedFlows: OperationHandler = (state, { body }) => {
  const request = body as Schemas["ProspectsAssignedFlowsRequestV2"];
  const found =
    "crmProspectsIds" in request
      ? state.openInstancesOf(request.crmProspectsIds)
      : state.instances(request.flowInstanceIds);
  return ok<Schemas["ProspectsFlowsResponse"]>({ prospectsAssigned: found.map(assignedFlow) });
};

function assignedFlow(instance: InstanceView): Schemas["PublicApiAssignedFlow"] {
  return {
    flowId: instance.flow.id,
    flowName: instance.flow.name,
    crmProspectId: instance.crmProspectId,
    flowInstanceId: instance.flowInstanceId,
    flowInstanceOwnerEmail: instance.ownerEmail,
    flowInstanceOwnerFullName: instance.ownerFullName,
    flowInstanceCreateDate: instance.createDate,
    flowInstanceStatus: instance.status,
    workspaceId: instance.flow.workspaceId,
    exclusive: instance.flow.exclusive,
  };
}

/** Gong's limit for `mostRecentlyAssigned`. */
const MOST_RECENT = 20;

const listFlows: OperationHandler = (state, { query }) => {
  const { cursor, workspaceId, folderId, mostRecentlyAssigned } =
    query as operations["listFlows"]["parameters"]["query"];
  let flows = state.flows.filter(
    (flow) =>
      (workspaceId === undefined || flow.workspaceId === workspaceId) &&
      (folderId === undefined || flow.folderId === folderId),
  );
  if (mostRecentlyAssigned) flows = flows.slice(0, MOST_RECENT);
  const page = cursor === undefined ? 0 : pageOfCursor(cursor);
  const size = state.flowsPerPage;
  if (page === null || (page > 0 && page * size >= flows.length)) {
    return error(400, `The cursor ${JSON.stringify(cursor)} is not valid`);
  }
  const onPage = flows.slice(page * size, (page + 1) * size);
  const more = (page + 1) * size < flows.length;
  return ok<Schemas["FlowsResponse"]>({
    records: {
      totalRecords: flows.length,
      currentPageSize: onPage.length,
      currentPageNumber: page,
      ...(more ? { cursor: cursorOfPage(page + 1) } : {}),
    },
    flows: onPage.map(({ workspaceId: _, ...flow }) => flow),
  });
};

/** Cursors look like Gong's example (`eyJwYWdlIjoyfQ`, `{"page":2}`): the 1-based page, base64 without padding. */
const cursorOfPage = (page: number) => btoa(JSON.stringify({ page: page + 1 })).replace(/=+$/, "");

function pageOfCursor(cursor: string): number | null {
  try {
    const { page } = JSON.parse(atob(cursor)) as { page?: unknown };
    return Number.isInteger(page) && (page as number) >= 1 ? (page as number) - 1 : null;
  } catch {
    return null;
  }
}

/** The fake's implementation of every operation of the spec, by operationId. */
export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  unassignFlows,
  getProspectsAssignedFlows,
  listFlows,
};
