import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { HeaderObject, Reference, SpecDocument } from "./spec-document.js";
import { type Route, resolveRef } from "./spec-routes.js";

/** A request as the fake received it. */
export interface IncomingExchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

/** What the spec says about a request: its parsed body and query, or every problem (each one sentence). */
export type RequestVerdict =
  | { readonly ok: true; readonly body: unknown; readonly query: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks requests and answers against the spec with Ajv (JSON Schema 2020-12, formats included), the way Prism
 * does: the same document, so the fake and Prism cannot disagree on what is valid. One instance per fake; schemas
 * compile on first use.
 */
export function createSpecValidator(spec: SpecDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(spec as object, "spec");
  const compiled = new Map<string, ValidateFunction>();
  const schemaAt = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`spec${pointer}`);
      if (!validate) throw new Error(`the spec has no schema at ${pointer}`);
      compiled.set(pointer, validate);
    }
    return validate;
  };
  const checkRequest = (route: Route, request: IncomingExchange): RequestVerdict => {
    const problems: string[] = [];
    const query = queryOf(route, request.url.searchParams, problems, compileIn);
    let body: unknown;
    const requestBody = route.operation.requestBody;
    if (requestBody) {
      const mediaTypes = Object.keys(requestBody.content);
      const contentType = request.headers.get("content-type");
      const media = mediaTypes.find((type) => sameMediaType(type, contentType));
      if (request.body === "") {
        if (requestBody.required) problems.push("Body parameter is required");
      } else if (!media) {
        problems.push(`Supported content types: ${mediaTypes.join(", ")}`);
      } else {
        try {
          body = JSON.parse(request.body);
        } catch {
          problems.push("Request body is not valid JSON");
        }
        if (problems.length === 0) {
          const pointer = `${route.pointer}/requestBody/content/${media.replace("/", "~1")}/schema`;
          const validate = schemaAt(pointer);
          if (!validate(body)) problems.push(...describeErrors("Request body", validate.errors));
        }
      }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, body, query };
  };

  // Parameter schemas hold `$ref`s into the spec: compile them where those resolve.
  const parameterSchemas = new Map<object, ValidateFunction>();
  const compileIn = (schema: object): ValidateFunction => {
    let validate = parameterSchemas.get(schema);
    if (!validate) {
      validate = ajv.compile(rebase(schema));
      parameterSchemas.set(schema, validate);
    }
    return validate;
  };

  /** Every way an answer breaks what the spec documents for its status: body schema and headers. */
  const checkResponse = (route: Route, status: number, headers: Headers, bodyText: string): string[] => {
    const documented = route.responses[String(status)];
    if (!documented) return [`status ${status} is not documented for ${route.operationId}`];
    const problems: string[] = [];
    for (const [name, reference] of Object.entries(documented.headers ?? {})) {
      const header = resolveRef<HeaderObject>(spec, reference as HeaderObject | Reference);
      const value = headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`header ${name} is missing`);
        continue;
      }
      const validate = compileIn(header.schema ?? {});
      const parsed = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      if (!validate(parsed)) problems.push(`header ${name}=${value}: ${ajv.errorsText(validate.errors)}`);
    }
    const mediaTypes = Object.keys(documented.content ?? {});
    if (mediaTypes.length > 0) {
      const media = mediaTypes.find((type) => sameMediaType(type, headers.get("content-type")));
      if (!media) {
        problems.push(`content-type ${headers.get("content-type")} is not ${mediaTypes.join(" or ")}`);
        return problems;
      }
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        problems.push("body is not JSON");
        return problems;
      }
      const responsePointer = responsePointerOf(route, status);
      const validate = schemaAt(`${responsePointer}/content/${media.replace("/", "~1")}/schema`);
      if (!validate(body)) problems.push(...describeErrors("body", validate.errors));
    }
    return problems;
  };

  const isDocumented = (route: Route, status: number): boolean => String(status) in route.responses;

  /**
   * Compiles every schema the routes use, so no request pays for a compilation (tens of milliseconds on a loaded
   * machine, enough to push a client's tight timeout over).
   */
  const warm = (routes: readonly Route[]): void => {
    for (const route of routes) {
      for (const media of Object.keys(route.operation.requestBody?.content ?? {})) {
        schemaAt(`${route.pointer}/requestBody/content/${media.replace("/", "~1")}/schema`);
      }
      for (const parameter of route.parameters) if (parameter.schema) compileIn(parameter.schema);
      for (const [status, response] of Object.entries(route.responses)) {
        for (const media of Object.keys(response.content ?? {})) {
          schemaAt(`${responsePointerOf(route, Number(status))}/content/${media.replace("/", "~1")}/schema`);
        }
        for (const reference of Object.values(response.headers ?? {})) {
          compileIn(resolveRef<HeaderObject>(spec, reference as HeaderObject | Reference).schema ?? {});
        }
      }
    }
  };

  return { checkRequest, checkResponse, isDocumented, warm };
}

let shared: SpecValidator | undefined;

/** One validator of `SPEC` for the whole process, every schema compiled: fakes share it, they only read it. */
export function sharedSpecValidator(spec: SpecDocument, routes: readonly Route[]): SpecValidator {
  if (!shared) {
    shared = createSpecValidator(spec);
    shared.warm(routes);
  }
  return shared;
}

export type SpecValidator = ReturnType<typeof createSpecValidator>;

/** Where a response object lives: in the operation, or in components when the operation refers to it. */
function responsePointerOf(route: Route, status: number): string {
  const own = route.operation.responses[String(status)];
  if (own && "$ref" in own) return own.$ref;
  return `${route.pointer}/responses/${status}`;
}

/** Rewrites local `$ref`s of a schema taken out of the spec so they still resolve inside it. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#") ? `spec${value}` : value,
  );
}

function queryOf(
  route: Route,
  search: URLSearchParams,
  problems: string[],
  compile: (schema: object) => ValidateFunction,
): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const parameter of route.parameters) {
    if (parameter.in !== "query") continue;
    const text = search.get(parameter.name);
    if (text === null) {
      if (parameter.required) problems.push(`Request query must have required property '${parameter.name}'`);
      continue;
    }
    const schema = parameter.schema ?? {};
    const value = coerce(text, schema);
    const validate = compile(schema);
    if (!validate(value))
      problems.push(...describeErrors(`Request query parameter ${parameter.name}`, validate.errors));
    else query[parameter.name] = value;
  }
  return query;
}

/** Query strings are text: read booleans and numbers as the schema types them, as Prism does. */
function coerce(text: string, schema: object): unknown {
  const type = (schema as { type?: unknown }).type;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if ((type === "integer" || type === "number") && text.trim() !== "" && Number.isFinite(Number(text))) {
    return Number(text);
  }
  return text;
}

/** `application/json` matches `application/json; charset=utf-8` and, as in Prism, `application/x+json`. */
function sameMediaType(documented: string, received: string | null): boolean {
  const base = received?.split(";")[0]?.trim().toLowerCase();
  if (!base) return false;
  if (base === documented) return true;
  return documented === "application/json" && /^application\/[^/]+\+json$/.test(base);
}

/** Ajv's errors as sentences in Prism's words, e.g. "Request body property flowInstanceIds must NOT have …". */
function describeErrors(subject: string, errors: ErrorObject[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // A failed `oneOf` also reports every branch's own errors; those say more.
    if (error.keyword === "oneOf" && (errors?.length ?? 0) > 1) continue;
    const where = error.instancePath
      ? `${subject} property ${error.instancePath.slice(1).replaceAll("/", ".")}`
      : subject;
    const found =
      error.keyword === "additionalProperties" ? `; found '${String(error.params.additionalProperty)}'` : "";
    seen.add(`${where} ${error.message ?? "is not valid"}${found}`);
  }
  return [...seen];
}
