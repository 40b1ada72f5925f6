/**
 * Typed client for Gong's "Unassign flows by Flow Instance ID" endpoint.
 * @packageDocumentation
 */
export { type GongAuth, type ResolvedAuth, resolveAuth } from "./auth.js";
export { DEFAULT_BASE_URL, normalizeBaseUrl } from "./base-url.js";
export { type BatchPlan, planBatches } from "./bulk/plan.js";
export { ProgressHandlerError } from "./bulk/progress-handler-error.js";
export type {
  AttemptedEvent,
  Outcome,
  ProgressEvent,
  SendingEvent,
  SettledEvent,
  UnassignError,
  UnassignReport,
} from "./bulk/report.js";
export { OUTCOMES } from "./bulk/report.js";
export type { UnassignOptions } from "./bulk/run.js";
export { describeValue, emailProblem, idProblem, MAX_ID_LENGTH } from "./bulk/validate.js";
export { createGongFlowsClient, type GongFlowsClient } from "./client.js";
export { authFromEnv, type Env } from "./env.js";
export {
  GongApiError,
  GongAuthenticationError,
  GongBadRequestError,
  GongConnectionError,
  type GongErrorKind,
  GongHttpError,
  GongInvalidResponseError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
} from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { GongFlowsClientOptions } from "./options.js";
export { createRedactor, type Redactor } from "./redact.js";
export type { ObservedRequest, RequestObserver } from "./transport/transport.js";
export { VERSION } from "./version.js";
