import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Absolute path of a file in the spec package. */
export const specFile = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url));

/** A parsed YAML or JSON document from the spec package. */
export const loadDocument = (relative = "openapi.yaml"): Record<string, unknown> =>
  parse(readFileSync(specFile(relative), "utf8")) as Record<string, unknown>;

export interface Operation {
  path: string;
  method: string;
  operationId: string;
  summary: string;
  /** Request body fields (of every `oneOf` variant), then query parameters. */
  requestProperties: string[];
  /** Titles of the request body's `oneOf` variants, which the reference shows as buttons. */
  requestVariants: string[];
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
}

type Node = Record<string, unknown> & { $ref?: string };

/** Follows a local `$ref` (`#/components/...`), or returns the node itself. */
export function resolveLocal<T>(spec: Record<string, unknown>, node: T): T {
  const ref = (node as Node | undefined)?.$ref;
  if (typeof ref !== "string") return node;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec) as T;
}

/** Every operation of the spec, with what a reader must find about it in the rendered reference. */
export function operationsOf(spec: Record<string, unknown>): Operation[] {
  const variantsOf = (schema: Node): Node[] =>
    Array.isArray(schema.oneOf)
      ? (schema.oneOf as Node[]).map((variant) => resolveLocal(spec, variant))
      : [schema];
  const paths = spec.paths as Record<string, Record<string, Record<string, unknown>>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const body = operation.requestBody as { content: Record<string, { schema: Node }> } | undefined;
      const schema = body ? resolveLocal(spec, Object.values(body.content)[0]?.schema ?? {}) : undefined;
      const variants = schema ? variantsOf(schema) : [];
      const parameters = (operation.parameters ?? []) as { name: string }[];
      const responses = Object.fromEntries(
        Object.entries(operation.responses as Record<string, Node>).map(([status, response]) => [
          status,
          resolveLocal(spec, response) as unknown as Operation["responses"][string],
        ]),
      );
      return {
        path,
        method,
        operationId: operation.operationId as string,
        summary: operation.summary as string,
        requestProperties: [
          ...new Set(variants.flatMap((variant) => Object.keys(variant.properties ?? {}))),
          ...parameters.map((parameter) => parameter.name),
        ],
        requestVariants: variants.length > 1 ? variants.map((variant) => String(variant.title)) : [],
        responses,
      };
    }),
  );
}
