/**
 * A stateful fake of Gong's flows API for tests: a loopback HTTP server ({@link startFakeGong}) whose answers are
 * validated against `@gong-flows/spec`, with named fault scripts, missing and stuck ids and a rate limit.
 * @packageDocumentation
 */
export { FAULT_SCRIPTS, type Fault, type FaultScript, type FaultScriptName } from "./faults.js";
export {
  type FakeGong,
  type FakeGongOptions,
  type FakeRequestRecord,
  makeIds,
  startFakeGong,
  UNASSIGN_PATH,
} from "./server.js";
export { createSpecValidator } from "./spec-validator.js";
