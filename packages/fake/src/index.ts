/**
 * A stateful fake of Gong's flows API for tests, built from `@gong-flows/spec`: every operation of the spec over
 * one state (prospects, flow instances, flows), requests checked as Prism checks them, answers checked against
 * the spec, named fault scripts, a rate limit and a daily quota. {@link startFakeGong} serves it on loopback;
 * `@gong-flows/fake/msw` serves the same fake in-process through MSW.
 * @packageDocumentation
 */

export { answerViolations } from "./answers.js";
export type { FakeCredentials } from "./auth.js";
export type { FakeGongOptions, FakeGongState, FakeRequestRecord } from "./fake.js";
export { FAULT_SCRIPTS, type Fault, type FaultScript, type FaultScriptName } from "./faults.js";
export { type FakeSeed, makeFlows, makeIds } from "./seed.js";
export { type FakeGong, type FakeGongServerOptions, startFakeGong } from "./server.js";
export type { FakeFlow, InstanceStatus } from "./state.js";
