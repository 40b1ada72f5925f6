import { asObject, type Json, unescapePointerSegment } from "./json.js";

/** A ref chain longer than this is a cycle of bare references (`A: {$ref: B}`, `B: {$ref: A}`). */
const MAX_REF_CHAIN = 32;

/** One side of the comparison: a parsed OpenAPI document and how to follow its local `$ref`s. */
export class SpecDocument {
  constructor(readonly root: Json) {}

  /** The value a local `$ref` such as `#/components/schemas/Id` points at, or undefined when it dangles. */
  target(ref: string): unknown {
    if (!ref.startsWith("#")) return undefined;
    const segments = ref.slice(1).split("/").slice(1);
    let node: unknown = this.root;
    for (const segment of segments) {
      if (typeof node !== "object" || node === null) return undefined;
      node = (node as Json)[unescapePointerSegment(segment)];
    }
    return node;
  }

  /**
   * A parameter, response, header, request body or path item with its `$ref` followed. Siblings of such a
   * `$ref` may only be `summary`/`description` (OpenAPI 3.1), so they are dropped; schemas keep theirs.
   */
  resolve(value: unknown): Json {
    let node = asObject(value);
    for (let hops = 0; typeof node.$ref === "string" && hops < MAX_REF_CHAIN; hops++) {
      node = asObject(this.target(node.$ref));
    }
    return node;
  }
}
