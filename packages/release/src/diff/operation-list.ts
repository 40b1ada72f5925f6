import type { SpecDocument } from "./document.js";
import { asObject, type Json } from "./json.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface Operation {
  readonly pathItem: Json;
  readonly operation: Json;
}

/** Every operation by `METHOD /path`; the path is kept as written, since typed clients call it by that text. */
export function operationsOf(doc: SpecDocument): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, raw] of Object.entries(asObject(doc.root.paths))) {
    const pathItem = doc.resolve(raw);
    for (const method of METHODS) {
      if (pathItem[method] !== undefined) {
        found.set(`${method.toUpperCase()} ${path}`, { pathItem, operation: asObject(pathItem[method]) });
      }
    }
  }
  return found;
}
