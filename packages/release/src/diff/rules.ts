import { MAX_VARIANTS } from "./schema/meaning.js";
/**
 * Every rule of the breaking-change gate. `ERR` refuses the change without a major changeset, `WARN` and `INFO`
 * are printed only. Direction says which side of the exchange the rule judges: what a client sends (request:
 * tightening breaks) or what it receives (response: loosening breaks); `both` for the operation as a whole.
 */
export type Level = "ERR" | "WARN" | "INFO";
export type RuleDirection = "request" | "response" | "both";

export interface Rule {
  readonly level: Level;
  readonly direction: RuleDirection;
  readonly catches: string;
}

const rule = (level: Level, direction: RuleDirection, catches: string): Rule => ({
  level,
  direction,
  catches,
});

/** The four rules of one numeric bound, e.g. `maxLength`: request tightening and response loosening break. */
type BoundRuleId<K extends string> =
  | `request-${K}-tightened`
  | `request-${K}-loosened`
  | `response-${K}-loosened`
  | `response-${K}-tightened`;

const bound = <K extends string>(keyword: K, what: string) =>
  ({
    [`request-${keyword}-tightened`]: rule(
      "ERR",
      "request",
      `${what} added or made stricter on a request value`,
    ),
    [`request-${keyword}-loosened`]: rule("INFO", "request", `${what} removed or relaxed on a request value`),
    [`response-${keyword}-loosened`]: rule(
      "ERR",
      "response",
      `${what} removed or relaxed on a response value`,
    ),
    [`response-${keyword}-tightened`]: rule(
      "INFO",
      "response",
      `${what} added or made stricter on a response value`,
    ),
  }) as Record<BoundRuleId<K>, Rule>;

export const RULES = {
  "operation-removed": rule("ERR", "both", "an operation (path + method) no longer exists"),
  "operation-added": rule("INFO", "both", "a new operation"),
  "operation-id-changed": rule(
    "ERR",
    "both",
    "operationId added, removed or renamed: generated method names change",
  ),

  "component-removed": rule(
    "ERR",
    "both",
    "a component (schema, response, parameter, request body, header, path item, security scheme) removed or renamed: code naming it in the generated `components` type no longer compiles",
  ),
  "component-added": rule("INFO", "both", "a new component"),
  "component-schema-changed": rule(
    "ERR",
    "both",
    "a component schema no operation reaches (in both versions) changed in a way that breaks code building its values (a request rule's ERR) or reading them (a response rule's ERR)",
  ),
  "component-schema-changed-compatibly": rule(
    "INFO",
    "both",
    "such a schema changed in a way neither building nor reading code notices",
  ),

  "request-parameter-removed": rule("ERR", "request", "a path/query/header/cookie parameter removed"),
  "request-parameter-added-required": rule("ERR", "request", "a new required parameter"),
  "request-parameter-added-optional": rule("INFO", "request", "a new optional parameter"),
  "request-parameter-became-required": rule("ERR", "request", "an optional parameter became required"),
  "request-parameter-became-optional": rule("INFO", "request", "a required parameter became optional"),
  "request-parameter-serialization-changed": rule(
    "ERR",
    "request",
    "a parameter's style or explode changed: the client serializes it differently",
  ),

  "request-body-added-required": rule("ERR", "request", "a required request body where there was none"),
  "request-body-added-optional": rule("INFO", "request", "an optional request body where there was none"),
  "request-body-removed": rule("ERR", "request", "the request body removed"),
  "request-body-became-required": rule("ERR", "request", "an optional request body became required"),
  "request-body-became-optional": rule("INFO", "request", "a required request body became optional"),
  "request-media-type-removed": rule("ERR", "request", "a request media type no longer accepted"),
  "request-media-type-added": rule("INFO", "request", "a new request media type"),

  "response-status-removed": rule(
    "ERR",
    "response",
    "a documented response status removed (success or error): generated response types lose it",
  ),
  "response-success-status-added": rule(
    "ERR",
    "response",
    "a new 2xx response status: the client may receive a success it does not handle",
  ),
  "response-error-status-added": rule("INFO", "response", "a new non-2xx response status"),
  "response-media-type-removed": rule("ERR", "response", "a response media type removed"),
  "response-media-type-added": rule("INFO", "response", "a new response media type"),
  "response-header-removed": rule("ERR", "response", "a required response header removed"),
  "response-optional-header-removed": rule("WARN", "response", "an optional response header removed"),
  "response-header-became-optional": rule("ERR", "response", "a required response header became optional"),
  "response-header-became-required": rule("INFO", "response", "an optional response header became required"),
  "response-header-added": rule("INFO", "response", "a new response header"),

  "request-type-narrowed": rule("ERR", "request", "a request value no longer accepts a type it accepted"),
  "request-type-widened": rule("INFO", "request", "a request value accepts more types"),
  "response-type-widened": rule("ERR", "response", "a response value may have a type it could not have"),
  "response-type-narrowed": rule("INFO", "response", "a response value has fewer possible types"),
  "request-nullable-removed": rule("ERR", "request", "a request value no longer accepts null"),
  "request-nullable-added": rule("INFO", "request", "a request value accepts null"),
  "response-nullable-added": rule(
    "ERR",
    "response",
    "a response value may be null (nullable or a null type)",
  ),
  "response-nullable-removed": rule("INFO", "response", "a response value is no longer null"),

  "request-enum-added": rule("ERR", "request", "a request value restricted to an enum (or a const)"),
  "request-enum-value-removed": rule("ERR", "request", "an enum value no longer accepted in a request"),
  "request-enum-value-added": rule("INFO", "request", "a request enum accepts a new value"),
  "request-enum-removed": rule("INFO", "request", "a request value no longer restricted to an enum"),
  "response-enum-value-added": rule(
    "ERR",
    "response",
    "a response enum gains a value a client cannot handle",
  ),
  "response-enum-removed": rule("ERR", "response", "a response value no longer restricted to its enum"),
  "response-enum-value-removed": rule("INFO", "response", "a response enum value no longer returned"),
  "response-enum-added": rule("INFO", "response", "a response value restricted to an enum"),

  "request-pattern-added": rule("ERR", "request", "a pattern added to a request value"),
  "request-pattern-changed": rule(
    "WARN",
    "request",
    "a request value's pattern changed (looser or stricter)",
  ),
  "request-pattern-removed": rule("INFO", "request", "a request value's pattern removed"),
  "response-pattern-removed": rule("ERR", "response", "a response value's pattern removed"),
  "response-pattern-changed": rule(
    "WARN",
    "response",
    "a response value's pattern changed (looser or stricter)",
  ),
  "response-pattern-added": rule("INFO", "response", "a pattern added to a response value"),

  "request-format-added": rule("ERR", "request", "a format added to a request value"),
  "request-format-changed": rule("ERR", "request", "a request value's format changed"),
  "request-format-removed": rule("INFO", "request", "a request value's format removed"),
  "request-format-widened": rule(
    "INFO",
    "request",
    "a request value's format widened: int32 to int64, float to double",
  ),
  "response-format-removed": rule("ERR", "response", "a response value's format removed"),
  "response-format-changed": rule("ERR", "response", "a response value's format changed"),
  "response-format-added": rule("INFO", "response", "a format added to a response value"),
  "response-format-narrowed": rule(
    "INFO",
    "response",
    "a response value's format narrowed: int64 to int32, double to float",
  ),

  ...bound("max-length", "maxLength"),
  ...bound("min-length", "minLength"),
  ...bound("max-items", "maxItems"),
  ...bound("min-items", "minItems"),
  ...bound("max-properties", "maxProperties"),
  ...bound("min-properties", "minProperties"),
  ...bound("maximum", "maximum/exclusiveMaximum (one upper bound)"),
  ...bound("minimum", "minimum/exclusiveMinimum (one lower bound)"),
  ...bound("multiple-of", "multipleOf"),

  "request-unique-items-added": rule("ERR", "request", "a request array must now hold unique items"),
  "request-unique-items-removed": rule("INFO", "request", "a request array may hold duplicates"),
  "response-unique-items-removed": rule("ERR", "response", "a response array may now hold duplicates"),
  "response-unique-items-added": rule("INFO", "response", "a response array holds unique items"),

  "request-additional-properties-closed": rule(
    "ERR",
    "request",
    "a request object no longer accepts additional properties (additionalProperties: false)",
  ),
  "request-additional-properties-opened": rule(
    "INFO",
    "request",
    "a request object accepts additional properties",
  ),
  "response-additional-properties-opened": rule(
    "WARN",
    "response",
    "a response object may carry properties it did not declare",
  ),
  "response-additional-properties-closed": rule(
    "INFO",
    "response",
    "a response object declares all its properties",
  ),

  "request-property-removed": rule("ERR", "request", "a request property removed"),
  "request-property-became-read-only": rule(
    "ERR",
    "request",
    "a request property became readOnly (not sent)",
  ),
  "request-property-added-required": rule("ERR", "request", "a new required request property"),
  "request-property-added-optional": rule("INFO", "request", "a new optional request property"),
  "request-property-became-required": rule("ERR", "request", "an optional request property became required"),
  "request-property-became-optional": rule("INFO", "request", "a required request property became optional"),
  "response-property-removed": rule("ERR", "response", "a response property removed (required or optional)"),
  "response-property-became-write-only": rule(
    "ERR",
    "response",
    "a response property became writeOnly (not returned)",
  ),
  "response-property-became-optional": rule(
    "ERR",
    "response",
    "a required response property is no longer required",
  ),
  "response-property-became-required": rule(
    "INFO",
    "response",
    "an optional response property became required",
  ),
  "response-property-added": rule("INFO", "response", "a new response property"),

  "request-variant-removed": rule(
    "ERR",
    "request",
    "a request schema no longer accepts one of its oneOf/anyOf alternatives",
  ),
  "request-variant-added": rule("INFO", "request", "a request schema accepts a new oneOf/anyOf alternative"),
  "response-variant-added": rule(
    "ERR",
    "response",
    "a response schema may take a new oneOf/anyOf alternative",
  ),
  "response-variant-removed": rule(
    "INFO",
    "response",
    "a response schema no longer takes one of its alternatives",
  ),

  "schema-alternatives-truncated": rule(
    "WARN",
    "both",
    `allOf multiplies oneOf/anyOf into more alternatives than the gate compares (${MAX_VARIANTS}): the rest are not compared`,
  ),

  "request-keyword-added": rule(
    "ERR",
    "request",
    "a request value gains not/if/then/else/dependent*/patternProperties/propertyNames/unevaluated*/contains/prefixItems/content*/discriminator",
  ),
  "request-keyword-changed": rule("WARN", "request", "one of those keywords changed on a request value"),
  "request-keyword-removed": rule("INFO", "request", "one of those keywords removed from a request value"),
  "response-keyword-removed": rule("ERR", "response", "one of those keywords removed from a response value"),
  "response-keyword-changed": rule("WARN", "response", "one of those keywords changed on a response value"),
  "response-keyword-added": rule("INFO", "response", "one of those keywords added to a response value"),
  "request-default-changed": rule(
    "WARN",
    "request",
    "a request value's default added, removed or changed: omitting it now means something else",
  ),

  "security-alternative-removed": rule(
    "ERR",
    "request",
    "a way to authenticate (a security requirement) no longer accepted, or auth required where none was",
  ),
  "security-alternative-added": rule("INFO", "request", "a new way to authenticate"),
  "security-alternative-relaxed": rule(
    "INFO",
    "request",
    "an alternative needs fewer schemes together: the credentials a client sends still suffice",
  ),
  "security-authentication-removed": rule(
    "WARN",
    "request",
    "an operation no longer needs authentication: clients that send credentials still work; check it is meant",
  ),
  "security-scope-added": rule("ERR", "request", "an operation requires a new OAuth scope"),
  "security-scope-removed": rule("INFO", "request", "an operation requires fewer OAuth scopes"),
  "security-scheme-removed": rule("ERR", "request", "a security scheme an operation used no longer exists"),
  "security-scheme-type-changed": rule("ERR", "request", "a scheme's type changed (http, apiKey, oauth2, …)"),
  "security-scheme-http-scheme-changed": rule(
    "ERR",
    "request",
    "an http scheme changed, e.g. basic to bearer",
  ),
  "security-scheme-api-key-changed": rule(
    "ERR",
    "request",
    "an apiKey scheme's location (in) or name changed",
  ),
  "security-scheme-bearer-format-changed": rule("INFO", "request", "a bearer scheme's bearerFormat changed"),
  "security-scheme-oauth-flow-removed": rule("ERR", "request", "an OAuth flow of a scheme removed"),
  "security-scheme-oauth-flow-added": rule("INFO", "request", "a new OAuth flow"),
  "security-scheme-oauth-url-changed": rule(
    "WARN",
    "request",
    "an OAuth flow's authorization/token/refresh URL changed",
  ),
  "security-scheme-oauth-scope-removed": rule("ERR", "request", "a scope removed from an OAuth flow"),
  "security-scheme-oauth-scope-added": rule("INFO", "request", "a scope added to an OAuth flow"),
  "security-scheme-openid-url-changed": rule(
    "WARN",
    "request",
    "an openIdConnect scheme's discovery URL changed",
  ),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
