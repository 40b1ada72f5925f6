import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

/** The spec the kit checks against, found through its `@gong-flows/spec` dependency (never a repository path). */
export const specPath: string = createRequire(import.meta.url).resolve("@gong-flows/spec/openapi.yaml");

/** The spec's text, read once. */
export const specText: string = readFileSync(specPath, "utf8");

interface Document {
  paths?: Record<string, Record<string, { operationId?: string } | undefined>>;
}

/** The path of an operation of the spec, by operationId: the kit follows the spec, not a copy of its paths. */
export function pathOf(operationId: string): string {
  for (const [path, item] of Object.entries((parse(specText) as Document).paths ?? {})) {
    for (const operation of Object.values(item)) if (operation?.operationId === operationId) return path;
  }
  throw new Error(`the spec has no operation ${operationId}`);
}
