import type { OperationContext } from "./difference.js";
import type { SpecDocument } from "./document.js";
import { asObject, type Json, pointerSegment } from "./json.js";

/** One way to authenticate: every scheme of it together, each with the scopes it needs. */
type Alternative = ReadonlyMap<string, ReadonlySet<string>>;

/** An alternative as text, its schemes sorted and each with its sorted scopes: `basicAuth + oauth2[api:read]`. */
function labelOf(alternative: Alternative): string {
  const schemes = [...alternative.keys()].sort();
  if (schemes.length === 0) return "no authentication";
  return schemes
    .map((scheme) => {
      const scopes = [...(alternative.get(scheme) ?? [])].sort();
      return scopes.length > 0 ? `${scheme}[${scopes.join(", ")}]` : scheme;
    })
    .join(" + ");
}

/**
 * The operation's own `security`, else the document's, as a set of alternatives by label (two alternatives with
 * the same scheme and other scopes stay two); no requirement at all is one alternative: no auth.
 */
function alternativesOf(doc: SpecDocument, operation: Json): Map<string, Alternative> {
  const declared = operation.security ?? doc.root.security;
  const list = Array.isArray(declared) && declared.length > 0 ? declared : [{}];
  const found = new Map<string, Alternative>();
  for (const requirement of list) {
    const alternative: Alternative = new Map(
      Object.entries(asObject(requirement)).map(([scheme, scopes]) => [
        scheme,
        new Set(Array.isArray(scopes) ? scopes.map(String) : []),
      ]),
    );
    found.set(labelOf(alternative), alternative);
  }
  return found;
}

const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((item) => b.has(item));

/** Whether credentials that satisfy `held` satisfy `needed` too: a subset of its schemes, each with fewer scopes. */
const satisfiedBy = (held: Alternative, needed: Alternative) =>
  [...needed].every(([scheme, scopes]) => {
    const had = held.get(scheme);
    return had !== undefined && subset(scopes, had);
  });

const sameSchemes = (a: Alternative, b: Alternative) =>
  a.size === b.size && [...a.keys()].every((scheme) => b.has(scheme));

/** `oauth2 now needs scope(s) api:admin`: the scopes of `more` that `fewer` lacks, scheme by scheme. */
const scopeChange = (more: Alternative, fewer: Alternative, verb: string) =>
  [...more]
    .map(
      ([scheme, scopes]) => [scheme, [...scopes].filter((scope) => !fewer.get(scheme)?.has(scope))] as const,
    )
    .filter(([, scopes]) => scopes.length > 0)
    .map(([scheme, scopes]) => `${scheme} ${verb} scope(s) ${scopes.sort().join(", ")}`)
    .join("; ");

const schemeOf = (doc: SpecDocument, name: string): Json | undefined => {
  const raw = asObject(asObject(doc.root.components).securitySchemes)[name];
  return raw === undefined ? undefined : doc.resolve(raw);
};

/**
 * Security requirements of an operation, compared as a set of alternatives: a client that authenticated one way
 * must still be let in. A client sending more credentials than needed still is, so fewer schemes or scopes,
 * or no authentication at all, never refuse it. Then the definition of each scheme both versions use.
 */
export function compareSecurity(ctx: OperationContext, oldOperation: Json, newOperation: Json): void {
  const [was, is] = [alternativesOf(ctx.before, oldOperation), alternativesOf(ctx.after, newOperation)];
  const fresh = new Map([...is].filter(([label]) => !was.has(label)));
  const open = (alternatives: Map<string, Alternative>) =>
    [...alternatives.values()].some((a) => a.size === 0);
  const opened = open(is) && !open(was);
  if (opened) {
    ctx.report(
      "security-authentication-removed",
      "/security",
      `no authentication needed any more (was: ${[...was.keys()].join(" or ")}); clients that send credentials still work`,
    );
    fresh.delete(labelOf(new Map()));
  }
  for (const [label, before] of was) {
    if (is.has(label)) continue;
    const at = `/security/${pointerSegment(label)}`;
    const take = (match: (after: Alternative) => boolean) => {
      const found = [...fresh].find(([, after]) => match(after));
      if (found) fresh.delete(found[0]);
      return found;
    };
    const fewerScopes = take((after) => sameSchemes(before, after) && satisfiedBy(before, after));
    if (fewerScopes) {
      ctx.report("security-scope-removed", at, scopeChange(before, fewerScopes[1], "no longer needs"));
      continue;
    }
    if (opened) continue;
    const covering = [...is].find(([, after]) => satisfiedBy(before, after));
    if (covering) {
      fresh.delete(covering[0]);
      ctx.report(
        "security-alternative-relaxed",
        at,
        `${label} no longer needed together: ${covering[0]} suffices`,
      );
      continue;
    }
    const moreScopes = take((after) => sameSchemes(before, after));
    if (moreScopes) {
      ctx.report("security-scope-added", at, scopeChange(moreScopes[1], before, "now needs"));
      continue;
    }
    ctx.report("security-alternative-removed", at, `${label} no longer accepted`);
  }
  for (const label of fresh.keys()) {
    ctx.report("security-alternative-added", `/security/${pointerSegment(label)}`, `${label} now accepted`);
  }
  const used = (alternatives: Map<string, Alternative>) =>
    new Set([...alternatives.values()].flatMap((alternative) => [...alternative.keys()]));
  const stillUsed = used(is);
  for (const scheme of used(was)) {
    if (stillUsed.has(scheme))
      compareScheme(ctx, scheme, schemeOf(ctx.before, scheme), schemeOf(ctx.after, scheme));
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
