/**
 * A conformance kit for implementations of Gong's "Unassign flows by Flow Instance ID" endpoint: the suite as
 * data, a runner that sends it through `prism proxy --errors`, and a plain-text reporter.
 * @packageDocumentation
 */
export type { Answer } from "./answer.js";
export {
  type Check,
  type Expectation,
  NONEXISTENT_ID,
  type ProbeCredentials,
  type ProbeId,
  readOnlyChecks,
  UNKNOWN_PROPERTY,
  writeCheck,
} from "./checks.js";
export { credentialsFromEnv, type Env } from "./credentials.js";
export { inconclusive, judge } from "./judge.js";
export { withoutSecurity } from "./proxy.js";
export { formatHeading, formatResult, formatSummary } from "./report.js";
export {
  type CheckResult,
  type ContractOptions,
  type ContractReport,
  plannedChecks,
  runContract,
} from "./run.js";
export { UsageError } from "./usage-error.js";
export { VERSION } from "./version.js";
