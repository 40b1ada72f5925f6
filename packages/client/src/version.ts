import { createRequire } from "node:module";

const manifest = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

/** This package's version, as published. */
export const VERSION: string = manifest.version;

/** The User-Agent every request carries, so Gong's support can tell which tool sent it. */
export const USER_AGENT = `${manifest.name}/${manifest.version} node/${process.versions.node}`;
