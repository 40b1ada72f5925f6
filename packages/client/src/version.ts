/** This package's version, as published (generated from package.json at build time). */
export { VERSION } from "./generated/version.js";
