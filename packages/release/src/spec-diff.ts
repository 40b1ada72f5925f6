/** One difference between two versions of the spec. */
export interface SpecDifference {
  readonly breaking: boolean;
  /** Where, e.g. `POST /v2/…: request body .flowInstanceIds`. */
  readonly where: string;
  readonly what: string;
}

type Json = Record<string, unknown>;
type Direction = "request" | "response";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null ? (value as Json) : {};
const typesOf = (schema: Json): string[] =>
  schema.type === undefined ? [] : (Array.isArray(schema.type) ? schema.type : [schema.type]).map(String);

/**
 * Compares two OpenAPI 3.x documents and classifies each difference for the clients of the API: removing an
 * operation, response, field or enum value, requiring a new request field, narrowing a type or tightening a
 * request constraint is breaking; additions and prose are not.
 */
export function diffSpecs(before: Json, after: Json): SpecDifference[] {
  const found: SpecDifference[] = [];
  const report = (breaking: boolean, where: string, what: string) => found.push({ breaking, where, what });
  const resolve = (doc: Json, value: unknown): Json => {
    let node = asObject(value);
    for (let depth = 0; typeof node.$ref === "string" && depth < 20; depth++) {
      node = asObject(
        node.$ref
          .replace(/^#\//, "")
          .split("/")
          .reduce<unknown>(
            (parent, key) => asObject(parent)[key.replace(/~1/g, "/").replace(/~0/g, "~")],
            doc,
          ),
      );
    }
    return node;
  };

  const compareSchemas = (b: unknown, a: unknown, direction: Direction, where: string, seen: Set<string>) => {
    const key = `${where}|${JSON.stringify(asObject(b).$ref)}|${JSON.stringify(asObject(a).$ref)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const old = resolve(before, b);
    const now = resolve(after, a);
    compareTypes(old, now, direction, where);
    compareEnums(old, now, where);
    if (direction === "request") compareRequestConstraints(old, now, where);
    compareObjects(old, now, direction, where, seen);
    if (old.items !== undefined || now.items !== undefined) {
      compareSchemas(old.items ?? {}, now.items ?? {}, direction, `${where}[]`, seen);
    }
    if (old.description !== now.description && old.description !== undefined) {
      report(false, where, "description changed");
    }
  };

  const compareTypes = (old: Json, now: Json, direction: Direction, where: string) => {
    const was = typesOf(old);
    const is = typesOf(now);
    if ([...was].sort().join() === [...is].sort().join()) return;
    const accepts = (types: string[], type: string) =>
      types.length === 0 || types.includes(type) || (type === "integer" && types.includes("number"));
    const narrowed = was.length === 0 ? is.length > 0 : was.some((type) => !accepts(is, type));
    const widened = is.length === 0 ? was.length > 0 : is.some((type) => !accepts(was, type));
    // A request may accept more than before; a response may only promise less variety than before.
    const breaking = direction === "request" ? narrowed : widened;
    report(breaking, where, `type changed from ${was.join("|") || "any"} to ${is.join("|") || "any"}`);
  };

  const compareEnums = (old: Json, now: Json, where: string) => {
    if (!Array.isArray(old.enum)) return;
    const next = Array.isArray(now.enum) ? now.enum : null;
    for (const value of old.enum) {
      if (next && !next.some((candidate) => JSON.stringify(candidate) === JSON.stringify(value))) {
        report(true, where, `enum value ${JSON.stringify(value)} removed`);
      }
    }
  };

  const compareRequestConstraints = (old: Json, now: Json, where: string) => {
    const upper = ["maxItems", "maxLength", "maximum", "exclusiveMaximum", "maxProperties"];
    const lower = ["minItems", "minLength", "minimum", "exclusiveMinimum", "minProperties"];
    for (const name of upper) {
      const was = old[name] as number | undefined;
      const is = now[name] as number | undefined;
      if (is !== undefined && (was === undefined || is < was)) {
        report(true, where, `${name} ${was === undefined ? "added" : `lowered from ${was}`} to ${is}`);
      } else if (is !== was) report(false, where, `${name} loosened from ${was} to ${is ?? "none"}`);
    }
    for (const name of lower) {
      const was = old[name] as number | undefined;
      const is = now[name] as number | undefined;
      if (is !== undefined && (was === undefined || is > was)) {
        report(true, where, `${name} ${was === undefined ? "added" : `raised from ${was}`} to ${is}`);
      } else if (is !== was) report(false, where, `${name} loosened from ${was} to ${is ?? "none"}`);
    }
    for (const name of ["pattern", "format", "const"]) {
      if (now[name] !== undefined && JSON.stringify(now[name]) !== JSON.stringify(old[name])) {
        report(
          true,
          where,
          `${name} ${old[name] === undefined ? "added" : "changed"}: ${JSON.stringify(now[name])}`,
        );
      }
    }
    if (now.uniqueItems === true && old.uniqueItems !== true) report(true, where, "uniqueItems now required");
    if (now.additionalProperties === false && old.additionalProperties !== false) {
      report(true, where, "additional properties no longer accepted");
    }
  };

  const compareObjects = (old: Json, now: Json, direction: Direction, where: string, seen: Set<string>) => {
    const oldProps = asObject(old.properties);
    const newProps = asObject(now.properties);
    const oldRequired = new Set((old.required as string[] | undefined) ?? []);
    const newRequired = new Set((now.required as string[] | undefined) ?? []);
    for (const name of Object.keys(oldProps)) {
      if (!(name in newProps)) report(true, `${where}.${name}`, `${direction} field removed`);
      else compareSchemas(oldProps[name], newProps[name], direction, `${where}.${name}`, seen);
    }
    for (const name of Object.keys(newProps)) {
      if (name in oldProps) continue;
      const required = newRequired.has(name);
      report(
        direction === "request" && required,
        `${where}.${name}`,
        `${required ? "required" : "optional"} ${direction} field added`,
      );
    }
    for (const name of newRequired) {
      if (direction === "request" && !oldRequired.has(name) && name in oldProps) {
        report(true, `${where}.${name}`, "request field became required");
      }
    }
    for (const name of oldRequired) {
      if (direction === "response" && !newRequired.has(name) && name in newProps) {
        report(true, `${where}.${name}`, "response field no longer always present");
      }
    }
  };

  const compareContent = (b: unknown, a: unknown, direction: Direction, where: string) => {
    const old = asObject(b);
    const now = asObject(a);
    for (const media of Object.keys(old)) {
      if (!(media in now)) report(true, where, `media type ${media} removed`);
      else
        compareSchemas(asObject(old[media]).schema, asObject(now[media]).schema, direction, where, new Set());
    }
  };

  const compareOperation = (old: Json, now: Json, where: string) => {
    const oldBody = resolve(before, old.requestBody);
    const newBody = resolve(after, now.requestBody);
    if (newBody.required === true && oldBody.required !== true)
      report(true, `${where}: request body`, "became required");
    compareContent(oldBody.content, newBody.content, "request", `${where}: request body`);
    const oldResponses = asObject(old.responses);
    const newResponses = asObject(now.responses);
    for (const status of Object.keys(oldResponses)) {
      const at = `${where}: response ${status}`;
      if (!(status in newResponses)) {
        report(true, at, "response removed");
        continue;
      }
      const oldResponse = resolve(before, oldResponses[status]);
      const newResponse = resolve(after, newResponses[status]);
      for (const header of Object.keys(asObject(oldResponse.headers))) {
        const newHeader = asObject(newResponse.headers)[header];
        if (newHeader === undefined) report(true, `${at} header ${header}`, "header removed");
        else {
          compareSchemas(
            resolve(before, asObject(oldResponse.headers)[header]).schema,
            resolve(after, newHeader).schema,
            "response",
            `${at} header ${header}`,
            new Set(),
          );
        }
      }
      compareContent(oldResponse.content, newResponse.content, "response", at);
    }
    for (const status of Object.keys(newResponses)) {
      if (!(status in oldResponses)) report(false, `${where}: response ${status}`, "response added");
    }
    compareSecurity(old.security ?? before.security, now.security ?? after.security, where);
  };

  const compareSecurity = (b: unknown, a: unknown, where: string) => {
    const describe = (requirement: unknown) =>
      Object.entries(asObject(requirement)).map(([scheme, scopes]) => ({
        scheme,
        scopes: (scopes as string[]) ?? [],
      }));
    const oldOptions = (Array.isArray(b) ? b : []).map(describe);
    const newOptions = (Array.isArray(a) ? a : []).map(describe);
    for (const option of oldOptions) {
      const names = option
        .map((entry) => entry.scheme)
        .sort()
        .join("+");
      const match = newOptions.find(
        (candidate) =>
          candidate
            .map((entry) => entry.scheme)
            .sort()
            .join("+") === names,
      );
      if (!match) {
        report(true, `${where}: security`, `${names} no longer accepted`);
        continue;
      }
      for (const entry of match) {
        const was = option.find((o) => o.scheme === entry.scheme)?.scopes ?? [];
        const extra = entry.scopes.filter((scope) => !was.includes(scope));
        if (extra.length > 0)
          report(true, `${where}: security`, `${entry.scheme} now needs scope ${extra.join(", ")}`);
      }
    }
  };

  const oldPaths = asObject(before.paths);
  const newPaths = asObject(after.paths);
  for (const path of Object.keys(oldPaths)) {
    for (const method of METHODS) {
      const old = asObject(oldPaths[path])[method];
      if (old === undefined) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const now = asObject(newPaths[path])[method];
      if (now === undefined) report(true, where, "operation removed");
      else compareOperation(asObject(old), asObject(now), where);
    }
  }
  for (const path of Object.keys(newPaths)) {
    for (const method of METHODS) {
      if (asObject(newPaths[path])[method] !== undefined && asObject(oldPaths[path])[method] === undefined) {
        report(false, `${method.toUpperCase()} ${path}`, "operation added");
      }
    }
  }
  const oldSchemes = asObject(asObject(before.components).securitySchemes);
  const newSchemes = asObject(asObject(after.components).securitySchemes);
  for (const name of Object.keys(oldSchemes)) {
    if (!(name in newSchemes)) report(true, `security scheme ${name}`, "removed");
  }
  return dedupe(found);
}

function dedupe(differences: SpecDifference[]): SpecDifference[] {
  const seen = new Set<string>();
  return differences.filter((difference) => {
    const key = `${difference.breaking}|${difference.where}|${difference.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
