import { createRequire } from "node:module";

/** This CLI's package version. */
export const CLI_VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string })
  .version;
