import { MAX_IDS_PER_REQUEST } from "@gong-flows/client";

/**
 * The conformance suite as data: each check is one request and what the spec says its answer must be.
 * Read-only checks use ids that cannot exist, so even a target that ignores a rule changes nothing; the checks of
 * a body rule that a missing id would hide (email, unknown property, duplicate id) use an id that exists in the
 * target's eyes when the kit has one (see {@link ProbeId}), and otherwise judge the answer's message.
 */

/** How a probe authenticates. */
export type ProbeCredentials =
  /** The caller's own credentials (placeholders in the self-test). */
  | "valid"
  /** No Authorization header. */
  | "none"
  /** `Basic` with a value that does not decode to `key:secret`. */
  | "garbled"
  /** A well-formed access key pair nobody issued. */
  | "wrong-key-pair"
  /** A well-formed bearer token nobody issued. */
  | "wrong-bearer-token";

/** What the answer to a probe must be. Every answer must also be `application/json`. */
export type Expectation =
  /** This status, with a body carrying `requestId` and `errors[]`. */
  | { readonly kind: "error"; readonly status: 400 | 401 }
  /**
   * 400 with `requestId` and `errors[]`, for `rule`. When the probe's id may not exist, a 400 could be for the id
   * alone, so `errors[]` must then name the rule (`names`), or the check cannot tell and is skipped.
   */
  | {
      readonly kind: "refused-for";
      readonly rule: string;
      readonly names: RegExp;
      readonly idExists: boolean;
    }
  /** The documented answers for an id that does not exist: a 400 error, or a 200 that does not list it. */
  | { readonly kind: "unknown-id"; readonly id: string }
  /** 200 with `unassignedFlowInstanceIds`, listing no id that was not sent. */
  | { readonly kind: "unassigned"; readonly ids: readonly string[] };

/** One probe of the suite. */
export interface Check {
  /** Short stable name, e.g. `empty-list`. */
  readonly id: string;
  /** What must hold, in words. */
  readonly title: string;
  readonly credentials: ProbeCredentials;
  /** The JSON request body, sent as is (deliberately invalid for most checks). */
  readonly body: unknown;
  readonly expect: Expectation;
  /** Only a target that verifies credentials can pass it: a mock accepts any well-formed ones. */
  readonly needsCredentialVerification?: boolean;
  /** Changes the target's state; only added by {@link writeCheck}. */
  readonly writes?: boolean;
}

/** An id of the usual length that is zero as a number: no tenant has it. */
export const NONEXISTENT_ID = "000000000000000";

/** Distinct ids that cannot exist, for the oversized request. */
const nonexistentIds = (count: number) =>
  Array.from({ length: count }, (_, i) => `${NONEXISTENT_ID}${String(i).padStart(3, "0")}`);

const refused = { kind: "error", status: 400 } as const;
const unauthorized = { kind: "error", status: 401 } as const;
const harmlessBody = { flowInstanceIds: [NONEXISTENT_ID] };

/** An unknown property no implementation has a use for. */
export const UNKNOWN_PROPERTY = "gongFlowsContractProbe";

/**
 * The flow instance id the body-rule checks carry, and whether it exists in the target's eyes: an id given to
 * `--allow-writes`, the spec's example id when the target's lookup finds it, or else {@link NONEXISTENT_ID}.
 */
export interface ProbeId {
  readonly id: string;
  readonly exists: boolean;
  /** How the kit came by it, for the report. */
  readonly source: string;
}

/** The probe id when the kit knows no id that exists. */
export const UNKNOWN_PROBE_ID: ProbeId = {
  id: NONEXISTENT_ID,
  exists: false,
  source: "an id that cannot exist (no --allow-writes id, and the spec's example id was not found)",
};

/** The checks of body rules that a missing id would hide. */
function bodyRuleChecks(probe: ProbeId): Check[] {
  const rule = (name: string, names: RegExp) =>
    ({ kind: "refused-for", rule: name, names, idExists: probe.exists }) as const;
  return [
    {
      id: "bad-email",
      title: "an unassignedByUserEmail that is not an email gets 400 with requestId and errors[]",
      credentials: "valid",
      body: { flowInstanceIds: [probe.id], unassignedByUserEmail: "not-an-email" },
      expect: rule("the email format", /email/i),
    },
    {
      id: "unknown-property",
      title: "a property the spec does not have gets 400 with requestId and errors[]",
      credentials: "valid",
      body: { flowInstanceIds: [probe.id], [UNKNOWN_PROPERTY]: true },
      expect: rule(
        "additionalProperties: false",
        new RegExp(`${UNKNOWN_PROPERTY}|additional propert|unknown propert`, "i"),
      ),
    },
    {
      id: "duplicate-id",
      title: "the same id twice in flowInstanceIds gets 400 with requestId and errors[]",
      credentials: "valid",
      body: { flowInstanceIds: [probe.id, probe.id] },
      expect: rule("uniqueItems", /duplicate|unique/i),
    },
  ];
}

/** The checks that cannot change a real tenant's state (unless it ignores a body rule for `probe`), in order. */
export function readOnlyChecks(probe: ProbeId = UNKNOWN_PROBE_ID): Check[] {
  return [...SHAPE_CHECKS, ...bodyRuleChecks(probe), ...CREDENTIAL_AND_ID_CHECKS];
}

/** Checks of the body's shape: refused whatever the ids, so a missing id cannot hide them. */
const SHAPE_CHECKS: readonly Check[] = [
  {
    id: "empty-list",
    title: "an empty flowInstanceIds list gets 400 with requestId and errors[]",
    credentials: "valid",
    body: { flowInstanceIds: [] },
    expect: refused,
  },
  {
    id: "too-many-ids",
    title: `${MAX_IDS_PER_REQUEST + 1} ids in one request (one past the spec's maxItems) get 400 with requestId and errors[]`,
    credentials: "valid",
    body: { flowInstanceIds: nonexistentIds(MAX_IDS_PER_REQUEST + 1) },
    expect: refused,
  },
  {
    id: "ids-not-an-array",
    title: "flowInstanceIds given as a string gets 400 with requestId and errors[]",
    credentials: "valid",
    body: { flowInstanceIds: NONEXISTENT_ID },
    expect: refused,
  },
  {
    id: "ids-not-strings",
    title: "flowInstanceIds holding a number gets 400 with requestId and errors[]",
    credentials: "valid",
    body: { flowInstanceIds: [0] },
    expect: refused,
  },
];

/** Checks of credentials and of an id that does not exist. */
const CREDENTIAL_AND_ID_CHECKS: readonly Check[] = [
  {
    id: "missing-credentials",
    title: "a request without credentials gets 401 with requestId and errors[]",
    credentials: "none",
    body: harmlessBody,
    expect: unauthorized,
  },
  {
    id: "garbled-credentials",
    title: "a Basic header that is not key:secret gets 401 with requestId and errors[]",
    credentials: "garbled",
    body: harmlessBody,
    expect: unauthorized,
  },
  {
    id: "wrong-key-pair",
    title: "an access key pair nobody issued gets 401 with requestId and errors[]",
    credentials: "wrong-key-pair",
    body: harmlessBody,
    expect: unauthorized,
    needsCredentialVerification: true,
  },
  {
    id: "wrong-bearer-token",
    title: "a bearer token nobody issued gets 401 with requestId and errors[]",
    credentials: "wrong-bearer-token",
    body: harmlessBody,
    expect: unauthorized,
    needsCredentialVerification: true,
  },
  {
    id: "unknown-id",
    title: "an id that does not exist gets 400 with requestId and errors[], or a 200 that does not list it",
    credentials: "valid",
    body: harmlessBody,
    expect: { kind: "unknown-id", id: NONEXISTENT_ID },
  },
];

/** A real unassign of the caller's ids (at most the spec's maxItems, validated by the caller): runs only with `--allow-writes`. */
export function writeCheck(ids: readonly string[]): Check {
  return {
    id: "unassign",
    title: `unassigning the ${ids.length} given id${ids.length === 1 ? "" : "s"} gets 200 listing only ids that were sent`,
    credentials: "valid",
    body: { flowInstanceIds: ids },
    expect: { kind: "unassigned", ids },
    writes: true,
  };
}

/** The header each kind of probe credentials sends, given the caller's own. */
export function probeAuthorization(kind: ProbeCredentials, valid: string): string | undefined {
  switch (kind) {
    case "valid":
      return valid;
    case "none":
      return undefined;
    case "garbled":
      return `Basic ${Buffer.from("gong-flows-contract-no-colon").toString("base64")}`;
    case "wrong-key-pair":
      return `Basic ${Buffer.from("gong-flows-contract-key:gong-flows-contract-secret").toString("base64")}`;
    case "wrong-bearer-token":
      return "Bearer gong-flows-contract-invalid-token";
  }
}
