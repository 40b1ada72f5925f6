#!/usr/bin/env node
// Writes src/generated/version.ts from package.json, so the main entry knows its version without reading files
// at run time (no createRequire, no node:fs): it runs unchanged in browsers, Deno, Bun and edge runtimes.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(resolve(here, "../package.json"), "utf8"));
const output = resolve(here, "../src/generated/version.ts");
mkdirSync(dirname(output), { recursive: true });
const header = "// Generated from package.json by scripts/generate-version.mjs. Do not edit.";
writeFileSync(
  output,
  `${header}

/** This package's version, as published. */
export const VERSION = ${JSON.stringify(manifest.version)};
`,
);
// The name is only needed once a request is sent (the User-Agent): its own file keeps it off the startup path.
writeFileSync(
  resolve(dirname(output), "package-name.ts"),
  `${header}

/** This package's name, as published. */
export const PACKAGE_NAME = ${JSON.stringify(manifest.name)};
`,
);
