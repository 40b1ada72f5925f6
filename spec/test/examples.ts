import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** One example in a spec, and the schema it must satisfy (both as JSON pointers into the document). */
export interface ExampleSite {
  readonly where: string;
  readonly value: unknown;
  readonly schemaPointer: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const escapePointer = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Parents whose children carry a `schema` and examples of it: media types, parameters and headers. */
const HOLDS_SCHEMA = new Set(["content", "parameters", "headers"]);

/**
 * Finds every example in an OpenAPI 3.1 document: `example` and named `examples` of media types, parameters and
 * headers (validated against their `schema`), and the `examples` array of any schema (validated against it).
 */
export function collectExamples(doc: Node): ExampleSite[] {
  const sites: ExampleSite[] = [];
  // `containerKey` is the key of the object or array holding `node`: it tells media types from schemas.
  const visit = (node: unknown, pointer: string, ownKey: string, containerKey: string) => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) visit(child, `${pointer}/${index}`, String(index), ownKey);
      return;
    }
    if (!isNode(node)) return;
    if (HOLDS_SCHEMA.has(containerKey) && isNode(node.schema)) {
      const schemaPointer = `${pointer}/schema`;
      if ("example" in node) sites.push({ where: `${pointer}/example`, value: node.example, schemaPointer });
      for (const [name, example] of Object.entries(isNode(node.examples) ? node.examples : {})) {
        const resolved = resolveRef(doc, example);
        if (isNode(resolved) && "value" in resolved) {
          sites.push({
            where: `${pointer}/examples/${escapePointer(name)}`,
            value: resolved.value,
            schemaPointer,
          });
        }
      }
    } else if (Array.isArray(node.examples)) {
      for (const [index, value] of node.examples.entries()) {
        sites.push({ where: `${pointer}/examples/${index}`, value, schemaPointer: pointer });
      }
    }
    for (const [key, child] of Object.entries(node)) {
      // Example values are data, not spec: never look for examples inside them.
      if (key !== "example" && key !== "examples")
        visit(child, `${pointer}/${escapePointer(key)}`, key, ownKey);
    }
  };
  visit(doc, "", "", "");
  return sites;
}

function resolveRef(doc: Node, value: unknown): unknown {
  if (!isNode(value) || typeof value.$ref !== "string" || !value.$ref.startsWith("#/")) return value;
  return value.$ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((at, part) => (isNode(at) ? at[part] : undefined), doc);
}

/** Validates examples against their schemas with JSON Schema 2020-12 (OpenAPI 3.1's dialect), formats included. */
export function createExampleValidator(doc: Node) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, "spec");
  /** The ways `site.value` breaks its schema; empty when it conforms. */
  return (site: ExampleSite): string[] => {
    const fragment = site.schemaPointer.split("/").map(encodeURIComponent).join("/");
    const validate = ajv.getSchema(`spec#${fragment}`);
    if (!validate) return [`no schema at ${site.schemaPointer}`];
    if (validate(site.value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message}`);
  };
}
