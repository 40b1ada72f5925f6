import type { SecurityRequirement, SpecDocument } from "./spec-document.js";

/** Credentials the fake accepts. A bearer token has every scope of the spec unless `scopes` says otherwise. */
export type FakeCredentials =
  | { readonly accessKey: string; readonly accessKeySecret: string }
  | { readonly bearerToken: string; readonly scopes?: readonly string[] };

/** Whether a request may run: allowed, or the error status and message the fake answers with. */
export type AuthVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

type Presented =
  | { readonly kind: "basic"; readonly accessKey: string; readonly accessKeySecret: string }
  | { readonly kind: "bearer"; readonly token: string };

/**
 * Checks the Authorization header against the operation's security requirements, as the spec states them: Basic
 * (scopes do not apply) or an OAuth bearer token holding the operation's scopes. Without `credentials`, any
 * well-formed Basic `key:secret` pair or bearer token is accepted, as Prism does.
 */
export function createAuthenticator(spec: SpecDocument, credentials: readonly FakeCredentials[] | undefined) {
  const schemes = spec.components?.securitySchemes ?? {};
  const kindOf = (scheme: string) => {
    const definition = schemes[scheme];
    if (definition?.type === "oauth2" || definition?.scheme?.toLowerCase() === "bearer") return "bearer";
    if (definition?.scheme?.toLowerCase() === "basic") return "basic";
    return null;
  };

  const scopesOf = (token: string): readonly string[] | "all" | null => {
    if (!credentials) return "all";
    for (const credential of credentials) {
      if ("bearerToken" in credential && credential.bearerToken === token) return credential.scopes ?? "all";
    }
    return null;
  };
  const knownPair = (key: string, secret: string) =>
    !credentials ||
    credentials.some(
      (credential) =>
        "accessKey" in credential && credential.accessKey === key && credential.accessKeySecret === secret,
    );

  return (
    header: string | null,
    requirements: readonly SecurityRequirement[],
    forbiddenIsDocumented: boolean,
  ): AuthVerdict => {
    if (requirements.length === 0) return { ok: true };
    const presented = parseAuthorization(header);
    if (!presented) {
      return {
        ok: false,
        status: 401,
        message: header ? "Malformed Authorization header" : "Missing credentials",
      };
    }
    let missingScopes: string[] | null = null;
    for (const requirement of requirements) {
      const entries = Object.entries(requirement);
      const satisfied = entries.every(([scheme, needed]) => {
        if (kindOf(scheme) !== presented.kind) return false;
        if (presented.kind === "basic") return knownPair(presented.accessKey, presented.accessKeySecret);
        const granted = scopesOf(presented.token);
        if (granted === null) return false;
        const missing = granted === "all" ? [] : needed.filter((scope) => !granted.includes(scope));
        if (missing.length > 0) missingScopes = missing;
        return missing.length === 0;
      });
      if (satisfied) return { ok: true };
    }
    if (missingScopes) {
      const message = `The access token lacks the scope ${(missingScopes as string[]).join(", ")}`;
      return { ok: false, status: forbiddenIsDocumented ? 403 : 401, message };
    }
    return { ok: false, status: 401, message: "Invalid credentials" };
  };
}

/** The credentials in an Authorization header, or `null` when it is absent or malformed. */
function parseAuthorization(header: string | null): Presented | null {
  const match = /^(basic|bearer) +(\S+)$/i.exec(header?.trim() ?? "");
  if (!match?.[1] || !match[2]) return null;
  if (match[1].toLowerCase() === "bearer") return { kind: "bearer", token: match[2] };
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[2]), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  return { kind: "basic", accessKey: decoded.slice(0, colon), accessKeySecret: decoded.slice(colon + 1) };
}
