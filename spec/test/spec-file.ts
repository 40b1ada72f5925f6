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
  requestProperties: string[];
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
}

/** Every operation of the spec, with what a reader must find about it in the rendered reference. */
export function operationsOf(spec: Record<string, unknown>): Operation[] {
  const schemas = (spec.components as { schemas: Record<string, { properties?: object }> }).schemas;
  const resolve = (schema: { $ref?: string; properties?: object }) =>
    schema.$ref ? schemas[schema.$ref.split("/").at(-1) ?? ""] : schema;
  const paths = spec.paths as Record<string, Record<string, Record<string, unknown>>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const body = operation.requestBody as { content: Record<string, { schema: object }> } | undefined;
      const schema = body ? resolve(Object.values(body.content)[0]?.schema ?? {}) : undefined;
      return {
        path,
        method,
        operationId: operation.operationId as string,
        summary: operation.summary as string,
        requestProperties: Object.keys(schema?.properties ?? {}),
        responses: operation.responses as Operation["responses"],
      };
    }),
  );
}
