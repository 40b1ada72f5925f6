export { listenOnLoopback } from "./loopback.js";
export { type PrismOptions, type RunningServer, specPath, startPrism, stopProcess } from "./prism.js";
export { type ProcessResult, spawnNodeScript } from "./spawn.js";
