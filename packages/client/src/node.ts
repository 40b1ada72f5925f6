/**
 * `@gong-flows/client/node`: helpers for command-line tools built on the client (the gong-flows CLI, the contract
 * kit): credentials from the environment, the Authorization header, id checks and batch planning, redaction, and
 * the report builder. Not needed to use the client; the main entry stays small and runtime-neutral without them.
 * @packageDocumentation
 */
export { type ResolvedAuth, resolveAuth } from "./auth-header.js";
export { DEFAULT_BASE_URL, normalizeBaseUrl } from "./base-url.js";
export { type BatchPlan, planBatches } from "./bulk/plan.js";
export { buildReport, type ReportCounts } from "./bulk/report-builder.js";
export { describeValue, emailProblem, idProblem } from "./bulk/validate.js";
export { describeRange, MAX_ID_LENGTH } from "./defaults.js";
export { authFromEnv, type Env } from "./env.js";
export { REQUEST_LIMITS, SCHEMA_LIMITS } from "./generated/limits.js";
export { OPERATIONS } from "./generated/operations.js";
export { createRedactor, type Redactor } from "./redact.js";
