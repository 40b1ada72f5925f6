export { listenOnLoopback } from "./loopback.js";
export { type PrismOptions, type RunningServer, specPath, startPrism, stopProcess } from "./prism.js";
export { type RedisOptions, type RunningRedis, startRedis } from "./redis.js";
export { type ProcessResult, spawnNodeScript } from "./spawn.js";
