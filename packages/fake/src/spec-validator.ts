import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { specPath } from "./spec-path.js";

interface OperationResponse {
  headers?: Record<string, { $ref?: string; required?: boolean; schema?: object }>;
  content?: { "application/json"?: { schema: { $ref: string } } };
}

interface Spec {
  paths: Record<string, { post: { responses: Record<string, OperationResponse> } }>;
  components: { headers: Record<string, { required?: boolean; schema: object }> };
}

/**
 * Checks a response against what the spec documents for its status: the JSON body schema and required headers.
 * Used to keep the repo's fake of Gong honest: a fake that drifts from the spec fails its own tests.
 */
export function createSpecValidator(path = "/v2/flows/prospects/unassign-flows-by-instance-id") {
  const spec = parse(readFileSync(specPath, "utf8")) as Spec;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(spec as object, "spec");
  const responses = spec.paths[path]?.post.responses ?? {};

  const isDocumented = (status: number): boolean => String(status) in responses;

  const violations = (status: number, headers: Headers, bodyText: string): string[] => {
    const documented = responses[String(status)];
    if (!documented) return [`status ${status} is not documented`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const definition = header.$ref ? spec.components.headers[header.$ref.split("/").at(-1) ?? ""] : header;
      const value = headers.get(name);
      if (value === null) {
        if (definition?.required) problems.push(`header ${name} is missing`);
        continue;
      }
      const validate = ajv.compile(definition?.schema ?? {});
      const parsed = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      if (!validate(parsed)) problems.push(`header ${name}=${value}: ${ajv.errorsText(validate.errors)}`);
    }
    const media = documented.content?.["application/json"];
    if (media) {
      if (!(headers.get("content-type") ?? "").includes("application/json")) {
        problems.push(`content-type ${headers.get("content-type")} is not application/json`);
      }
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        problems.push("body is not JSON");
        return problems;
      }
      const validate = ajv.getSchema(`spec${media.schema.$ref}`);
      if (!validate) problems.push(`schema ${media.schema.$ref} not found`);
      else if (!validate(body)) problems.push(`body: ${ajv.errorsText(validate.errors)}`);
    }
    return problems;
  };
  return { violations, isDocumented };
}
