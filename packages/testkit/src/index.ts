export { type PrismOptions, type RunningServer, specPath, startPrism, stopProcess } from "./prism.js";
