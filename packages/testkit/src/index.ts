// The Prism launcher is public (@gong-flows/fake/prism): the contract kit runs Prism for other teams too.
export {
  type PrismOptions,
  type RunningServer,
  specPath,
  startPrism,
  stopProcess,
} from "@gong-flows/fake/prism";
export { freePort, listenOnLoopback } from "./loopback.js";
export { type RedisOptions, type RunningRedis, startRedis } from "./redis.js";
export { type ProcessResult, spawnNodeScript } from "./spawn.js";
export { mostInWindow } from "./timing.js";
