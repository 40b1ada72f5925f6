/**
 * Typed client for Gong's "Unassign flows by Flow Instance ID" endpoint. This entry runs wherever `fetch` does
 * (Node, Bun, Deno, browsers, edge runtimes): it imports no Node built-in. Helpers for command-line tools built on
 * the client are in `@gong-flows/client/node`.
 * @packageDocumentation
 */
export type { GongAuth } from "./auth.js";
export { ProgressHandlerError } from "./bulk/progress-handler-error.js";
export type {
  AttemptedEvent,
  Outcome,
  ProgressEvent,
  ProgressTotals,
  SendingEvent,
  SettledEvent,
  UnassignError,
  UnassignReport,
} from "./bulk/report.js";
export { OUTCOMES } from "./bulk/report.js";
export type { UnassignOptions } from "./bulk/run.js";
export { createGongFlowsClient, type GongFlowsClient } from "./client.js";
export {
  MAX_IDS_PER_LOOKUP,
  MAX_IDS_PER_REQUEST,
  type NumberRange,
  type NumericOption,
  OPTION_RANGES,
} from "./defaults.js";
export {
  GongApiError,
  GongAuthenticationError,
  GongBadRequestError,
  GongConnectionError,
  GongDailyLimitError,
  type GongErrorDetails,
  type GongErrorKind,
  GongHttpError,
  GongInputError,
  type GongInputProblem,
  GongInvalidResponseError,
  GongLimiterError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
} from "./errors.js";
export type { RequestFailure } from "./failure.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { AcquireOptions, Limiter, LimiterDecision } from "./limiter/limiter.js";
export type { ListFlowsFilter, ListFlowsOptions } from "./lookups/list-flows.js";
export type {
  FindFlowInstancesOptions,
  Flow,
  FlowInstance,
  FlowInstanceLookup,
  FlowInstanceQuery,
  FlowInstanceStatus,
  LookupError,
  LookupProgressEvent,
} from "./lookups/types.js";
export type {
  ProspectsFound,
  UnassignProspectsOptions,
  UnassignProspectsReport,
} from "./lookups/unassign-prospects.js";
export type { GongFlowsClientOptions } from "./options.js";
export type { ObservedRequest, RequestObserver } from "./transport/observer.js";
export { VERSION } from "./version.js";
