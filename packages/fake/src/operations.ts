import type { components } from "./generated/openapi.js";
import type { FakeState } from "./state.js";

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

const error = (status: number, message: string): Reply => ({ status, body: { errors: [message] } });

const unassignFlows: OperationHandler = (state, { body }) => {
  const request = body as Schemas["UnassignFlowsByInstanceIdRequest"];
  const result = state.unassign(request.flowInstanceIds);
  if (result.kind === "unknown-ids") return error(400, ERROR_OF_UNKNOWN_ID);
  const answer: Omit<Schemas["UnassignFlowsResponse"], "requestId"> = {
    unassignedFlowInstanceIds: [...result.removed],
  };
  return { status: 200, body: answer };
};

/** The fake's implementation of every operation of the spec, by operationId. */
export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  unassignFlows,
};
