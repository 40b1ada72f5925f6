import type { OperationContext } from "./difference.js";
import type { SpecDocument } from "./document.js";
import { asObject, type Json, pointerSegment } from "./json.js";

/** One way to authenticate: every scheme of it together, each with the scopes it needs. */
type Alternative = Map<string, ReadonlySet<string>>;

/** The operation's own `security`, else the document's; no requirement at all is one alternative: no auth. */
function alternativesOf(doc: SpecDocument, operation: Json): Map<string, Alternative> {
  const declared = operation.security ?? doc.root.security;
  const list = Array.isArray(declared) && declared.length > 0 ? declared : [{}];
  return new Map(
    list.map((requirement) => {
      const alternative: Alternative = new Map(
        Object.entries(asObject(requirement)).map(([scheme, scopes]) => [
          scheme,
          new Set(Array.isArray(scopes) ? scopes.map(String) : []),
        ]),
      );
      return [[...alternative.keys()].sort().join(" + "), alternative];
    }),
  );
}

const schemeOf = (doc: SpecDocument, name: string): Json | undefined => {
  const raw = asObject(asObject(doc.root.components).securitySchemes)[name];
  return raw === undefined ? undefined : doc.resolve(raw);
};

/** Security requirements of an operation and the definition of each scheme it keeps using. */
export function compareSecurity(ctx: OperationContext, oldOperation: Json, newOperation: Json): void {
  const [was, is] = [alternativesOf(ctx.before, oldOperation), alternativesOf(ctx.after, newOperation)];
  const label = (key: string) => key || "no authentication";
  for (const [key, before] of was) {
    const at = `/security/${pointerSegment(label(key))}`;
    const after = is.get(key);
    if (after === undefined) {
      ctx.report("security-alternative-removed", at, `${label(key)} no longer accepted`);
      continue;
    }
    for (const [scheme, scopes] of before) {
      const now = after.get(scheme) ?? new Set();
      const added = [...now].filter((scope) => !scopes.has(scope));
      const removed = [...scopes].filter((scope) => !now.has(scope));
      if (added.length > 0)
        ctx.report("security-scope-added", at, `${scheme} now needs scope(s) ${added.join(", ")}`);
      if (removed.length > 0)
        ctx.report("security-scope-removed", at, `${scheme} no longer needs scope(s) ${removed.join(", ")}`);
      compareScheme(ctx, scheme, schemeOf(ctx.before, scheme), schemeOf(ctx.after, scheme));
    }
  }
  for (const key of is.keys()) {
    if (!was.has(key))
      ctx.report(
        "security-alternative-added",
        `/security/${pointerSegment(label(key))}`,
        `${label(key)} now accepted`,
      );
  }
}

function compareScheme(
  ctx: OperationContext,
  name: string,
  old: Json | undefined,
  now: Json | undefined,
): void {
  const at = `/security/${pointerSegment(name)}/scheme`;
  if (old === undefined) return;
  if (now === undefined) {
    ctx.report("security-scheme-removed", at, `security scheme ${name} no longer defined`);
    return;
  }
  if (old.type !== now.type) {
    ctx.report("security-scheme-type-changed", at, `${name}: type changed from ${old.type} to ${now.type}`);
    return;
  }
  const text = (value: unknown) => String(value ?? "").toLowerCase();
  if (old.type === "http" && text(old.scheme) !== text(now.scheme)) {
    ctx.report(
      "security-scheme-http-scheme-changed",
      at,
      `${name}: http scheme changed from ${old.scheme} to ${now.scheme}`,
    );
  }
  if (old.type === "http" && old.bearerFormat !== now.bearerFormat) {
    ctx.report("security-scheme-bearer-format-changed", at, `${name}: bearerFormat changed`);
  }
  if (old.type === "apiKey" && (old.in !== now.in || text(old.name) !== text(now.name))) {
    ctx.report(
      "security-scheme-api-key-changed",
      at,
      `${name}: api key moved from ${old.in} '${old.name}' to ${now.in} '${now.name}'`,
    );
  }
  if (old.type === "openIdConnect" && old.openIdConnectUrl !== now.openIdConnectUrl) {
    ctx.report("security-scheme-openid-url-changed", at, `${name}: openIdConnectUrl changed`);
  }
  if (old.type === "oauth2") compareFlows(ctx, name, asObject(old.flows), asObject(now.flows), at);
}

function compareFlows(ctx: OperationContext, name: string, old: Json, now: Json, path: string): void {
  for (const [flow, raw] of Object.entries(old)) {
    const at = `${path}/flows/${flow}`;
    if (now[flow] === undefined) {
      ctx.report("security-scheme-oauth-flow-removed", at, `${name}: OAuth flow ${flow} removed`);
      continue;
    }
    const [was, is] = [asObject(raw), asObject(now[flow])];
    for (const url of ["authorizationUrl", "tokenUrl", "refreshUrl"]) {
      if (was[url] !== is[url])
        ctx.report("security-scheme-oauth-url-changed", at, `${name}: ${flow} ${url} changed`);
    }
    const [oldScopes, newScopes] = [Object.keys(asObject(was.scopes)), Object.keys(asObject(is.scopes))];
    const removed = oldScopes.filter((scope) => !newScopes.includes(scope));
    const added = newScopes.filter((scope) => !oldScopes.includes(scope));
    if (removed.length > 0)
      ctx.report(
        "security-scheme-oauth-scope-removed",
        at,
        `${name}: ${flow} scope(s) ${removed.join(", ")} removed`,
      );
    if (added.length > 0)
      ctx.report(
        "security-scheme-oauth-scope-added",
        at,
        `${name}: ${flow} scope(s) ${added.join(", ")} added`,
      );
  }
  for (const flow of Object.keys(now)) {
    if (old[flow] === undefined)
      ctx.report(
        "security-scheme-oauth-flow-added",
        `${path}/flows/${flow}`,
        `${name}: OAuth flow ${flow} added`,
      );
  }
}
