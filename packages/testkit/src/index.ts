export { FAULT_SCRIPTS, type Fault, type FaultScript, type FaultScriptName } from "./fake/faults.js";
export {
  type FakeGong,
  type FakeGongOptions,
  type FakeRequestRecord,
  makeIds,
  startFakeGong,
  UNASSIGN_PATH,
} from "./fake/server.js";
export { type PrismOptions, type RunningServer, specPath, startPrism, stopProcess } from "./prism.js";
export { type RedisOptions, type RunningRedis, startRedis } from "./redis.js";
export { type ProcessResult, spawnNodeScript } from "./spawn.js";
export { createSpecValidator } from "./spec-validator.js";
