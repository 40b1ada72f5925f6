import { describe, expect, it } from "vitest";
import { type Doc, doc, verdicts } from "./pairs.js";

const OAUTH = {
  type: "oauth2",
  flows: {
    authorizationCode: {
      authorizationUrl: "https://example.test/authorize",
      tokenUrl: "https://example.test/token",
      scopes: { "api:write": "write", "api:read": "read" },
    },
  },
};
const SCHEMES = { basicAuth: { type: "http", scheme: "basic" }, oauth2: OAUTH };

/** `POST /things` secured by `security` (or the document's), with the given schemes. */
const secured = (security: Doc[] | undefined, schemes: Doc = SCHEMES, rootSecurity?: Doc[]) =>
  doc(
    { "/things": { post: { operationId: "create", ...(security ? { security } : {}), responses: {} } } },
    { securitySchemes: schemes },
    rootSecurity ? { security: rootSecurity } : {},
  );
const OP = "POST /things";
const BOTH = [{ basicAuth: [] }, { oauth2: ["api:write"] }];

describe("security requirements and schemes", () => {
  it("security-alternative-removed / -added", () => {
    expect(verdicts(secured(BOTH), secured([{ oauth2: ["api:write"] }]))).toEqual([
      `ERR security-alternative-removed ${OP} /security/basicAuth`,
    ]);
    expect(verdicts(secured([{ oauth2: ["api:write"] }]), secured(BOTH))).toEqual([
      `INFO security-alternative-added ${OP} /security/basicAuth`,
    ]);
  });

  it("security-alternative-removed: auth required where none was, or two schemes now needed together", () => {
    expect(verdicts(secured([]), secured([{ basicAuth: [] }]))).toEqual([
      `ERR security-alternative-removed ${OP} /security/no authentication`,
      `INFO security-alternative-added ${OP} /security/basicAuth`,
    ]);
    expect(verdicts(secured(BOTH), secured([{ basicAuth: [], oauth2: ["api:write"] }]))).toEqual([
      `ERR security-alternative-removed ${OP} /security/basicAuth`,
      `ERR security-alternative-removed ${OP} /security/oauth2[api:write]`,
      `INFO security-alternative-added ${OP} /security/basicAuth + oauth2[api:write]`,
    ]);
  });

  it("the document's security applies where an operation has none", () => {
    expect(verdicts(secured(undefined, SCHEMES, BOTH), secured(BOTH))).toEqual([]);
    expect(
      verdicts(secured(undefined, SCHEMES, BOTH), secured(undefined, SCHEMES, [{ basicAuth: [] }])),
    ).toEqual([`ERR security-alternative-removed ${OP} /security/oauth2[api:write]`]);
  });

  const EITHER_SCOPE = [{ basicAuth: [] }, { oauth2: ["api:read"] }, { oauth2: ["api:write"] }];

  it("security-alternative-removed: one of two alternatives of the same scheme dropped", () => {
    expect(verdicts(secured(EITHER_SCOPE), secured([{ basicAuth: [] }, { oauth2: ["api:write"] }]))).toEqual([
      `ERR security-alternative-removed ${OP} /security/oauth2[api:read]`,
    ]);
  });

  it("alternatives of the same scheme reordered change nothing", () => {
    const [basic, read, write] = EITHER_SCOPE as unknown as [Doc, Doc, Doc];
    expect(verdicts(secured(EITHER_SCOPE), secured([write, basic, read]))).toEqual([]);
  });

  it("security-authentication-removed: `security: []` lets in every client, credentials or not", () => {
    expect(verdicts(secured(BOTH), secured([]))).toEqual([
      `WARN security-authentication-removed ${OP} /security`,
    ]);
  });

  it("security-alternative-relaxed: two schemes together, then one of them", () => {
    expect(
      verdicts(secured([{ basicAuth: [], oauth2: ["api:write"] }]), secured([{ basicAuth: [] }])),
    ).toEqual([`INFO security-alternative-relaxed ${OP} /security/basicAuth + oauth2[api:write]`]);
  });

  it("security-scope-added / -removed", () => {
    expect(
      verdicts(secured(BOTH), secured([{ basicAuth: [] }, { oauth2: ["api:write", "api:read"] }])),
    ).toEqual([`ERR security-scope-added ${OP} /security/oauth2[api:write]`]);
    expect(verdicts(secured(BOTH), secured([{ basicAuth: [] }, { oauth2: [] }]))).toEqual([
      `INFO security-scope-removed ${OP} /security/oauth2[api:write]`,
    ]);
  });

  it.each([
    [
      "security-scheme-http-scheme-changed",
      { basicAuth: { type: "http", scheme: "bearer" } },
      "ERR",
      "basicAuth",
    ],
    [
      "security-scheme-type-changed",
      { basicAuth: { type: "apiKey", in: "header", name: "X-Key" } },
      "ERR",
      "basicAuth",
    ],
    ["security-scheme-removed", { basicAuth: undefined }, "ERR", "basicAuth"],
  ])("%s", (rule, change, level, scheme) => {
    expect(verdicts(secured(BOTH), secured(BOTH, { ...SCHEMES, ...change }))).toEqual([
      `${level} ${rule} ${OP} /security/${scheme}/scheme`,
    ]);
  });

  it("an http scheme's name compares case-insensitively; security-scheme-bearer-format-changed", () => {
    const bearer = (extra: Doc) =>
      secured([{ token: [] }], { token: { type: "http", scheme: "bearer", ...extra } });
    expect(verdicts(bearer({}), bearer({ scheme: "Bearer" }))).toEqual([]);
    expect(verdicts(bearer({}), bearer({ bearerFormat: "JWT" }))).toEqual([
      `INFO security-scheme-bearer-format-changed ${OP} /security/token/scheme`,
    ]);
  });

  it("security-scheme-api-key-changed", () => {
    const key = (where: string, name: string) =>
      secured([{ key: [] }], { key: { type: "apiKey", in: where, name } });
    expect(verdicts(key("header", "X-Key"), key("header", "x-key"))).toEqual([]);
    expect(verdicts(key("header", "X-Key"), key("query", "key"))).toEqual([
      `ERR security-scheme-api-key-changed ${OP} /security/key/scheme`,
    ]);
  });

  it("security-scheme-openid-url-changed", () => {
    const oidc = (url: string) =>
      secured([{ oidc: [] }], { oidc: { type: "openIdConnect", openIdConnectUrl: url } });
    expect(verdicts(oidc("https://a.test/.well-known"), oidc("https://b.test/.well-known"))).toEqual([
      `WARN security-scheme-openid-url-changed ${OP} /security/oidc/scheme`,
    ]);
  });

  it("security-scheme-oauth-flow-removed / -added, -url-changed, -scope-removed / -added", () => {
    const code = OAUTH.flows.authorizationCode;
    const clientCredentials = { tokenUrl: code.tokenUrl, scopes: code.scopes };
    const flows = (f: Doc) => secured(BOTH, { ...SCHEMES, oauth2: { type: "oauth2", flows: f } });
    const at = `${OP} /security/oauth2/scheme/flows`;
    expect(
      verdicts(flows({ authorizationCode: code, clientCredentials }), flows({ authorizationCode: code })),
    ).toEqual([`ERR security-scheme-oauth-flow-removed ${at}/clientCredentials`]);
    expect(
      verdicts(flows({ authorizationCode: code }), flows({ authorizationCode: code, clientCredentials })),
    ).toEqual([`INFO security-scheme-oauth-flow-added ${at}/clientCredentials`]);
    expect(
      verdicts(
        flows({ authorizationCode: code }),
        flows({ authorizationCode: { ...code, tokenUrl: "https://x.test/t" } }),
      ),
    ).toEqual([`WARN security-scheme-oauth-url-changed ${at}/authorizationCode`]);
    expect(
      verdicts(
        flows({ authorizationCode: code }),
        flows({ authorizationCode: { ...code, scopes: { "api:write": "w" } } }),
      ),
    ).toEqual([`ERR security-scheme-oauth-scope-removed ${at}/authorizationCode`]);
    expect(
      verdicts(
        flows({ authorizationCode: code }),
        flows({ authorizationCode: { ...code, scopes: { ...code.scopes, "api:admin": "a" } } }),
      ),
    ).toEqual([`INFO security-scheme-oauth-scope-added ${at}/authorizationCode`]);
  });

  it("a scheme no operation uses may change freely", () => {
    expect(
      verdicts(
        secured([{ oauth2: ["api:write"] }]),
        secured([{ oauth2: ["api:write"] }], { ...SCHEMES, basicAuth: { type: "http", scheme: "bearer" } }),
      ),
    ).toEqual([]);
  });
});
