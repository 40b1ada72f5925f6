import type {
  HttpMethod,
  Operation,
  Parameter,
  ParameterOrRef,
  Reference,
  ResponseObject,
  SecurityRequirement,
  SpecDocument,
} from "./spec-document.js";

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** One operation of the spec, with everything the fake needs resolved. */
export interface Route {
  readonly operationId: string;
  readonly method: Uppercase<HttpMethod>;
  readonly path: string;
  /** JSON pointer of the operation inside the spec, for schema look-ups. */
  readonly pointer: string;
  readonly operation: Operation;
  readonly parameters: readonly Parameter[];
  readonly security: readonly SecurityRequirement[];
  readonly responses: Readonly<Record<string, ResponseObject>>;
  readonly matches: (pathname: string) => boolean;
}

/** Where a request lands: an operation, or why none. */
export type RouteMatch =
  | { readonly kind: "operation"; readonly route: Route }
  | { readonly kind: "no-path" }
  | { readonly kind: "no-method"; readonly allowed: readonly string[] };

const escapePointer = (text: string) => text.replaceAll("~", "~0").replaceAll("/", "~1");

/** Follows a local `$ref` ("#/components/…") inside the spec. */
export function resolveRef<T>(spec: SpecDocument, value: T | Reference): T {
  if (typeof value !== "object" || value === null || !("$ref" in value)) return value as T;
  let node: unknown = spec;
  for (const part of value.$ref.replace(/^#\//, "").split("/")) {
    node = (node as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  if (node === undefined) throw new Error(`the spec has no ${value.$ref}`);
  return resolveRef(spec, node as T | Reference);
}

/**
 * Every operation of the spec. A path matches as a suffix of the request's path, so a base URL with a path
 * prefix (a gateway, `https://example.test/gong`) works as it does with the client.
 */
export function routesOf(spec: SpecDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(
      `${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`,
    );
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) =>
        resolveRef<Parameter>(spec, parameter as ParameterOrRef),
      );
      routes.push({
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        operation,
        parameters,
        security: operation.security ?? spec.security ?? [],
        responses: Object.fromEntries(
          Object.entries(operation.responses).map(([status, response]) => [
            status,
            resolveRef<ResponseObject>(spec, response),
          ]),
        ),
        matches: (pathname) => pattern.test(pathname),
      });
    }
  }
  // Longest paths first, so `/v2/flows/prospects` is not taken for `/v2/flows`.
  return routes.sort((a, b) => b.path.length - a.path.length);
}

/** The operation a request is for. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const candidates = routes.filter((route) => route.matches(path));
  if (candidates.length === 0) return { kind: "no-path" };
  const route = candidates.find((candidate) => candidate.method === method.toUpperCase());
  if (route) return { kind: "operation", route };
  const longest = candidates[0]?.path;
  return {
    kind: "no-method",
    allowed: candidates.filter((candidate) => candidate.path === longest).map((c) => c.method),
  };
}
