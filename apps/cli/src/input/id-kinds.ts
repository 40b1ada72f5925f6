import { describeValue, idProblem, SCHEMA_LIMITS } from "@gong-flows/client/node";
import { UsageError } from "../usage-error.js";

/** What the values of an input are meant to be, and how to tell a value that cannot be one. */
export interface IdKind {
  /** "flow instance id", "CRM prospect id": used in messages. */
  readonly noun: string;
  /** Why `value` cannot be such an id, or `null` when it can. */
  problem(value: string): string | null;
}

/** Flow instance ids: the client's check, which follows the spec's id schema (1–30 decimal digits). */
export const FLOW_INSTANCE_IDS: IdKind = { noun: "flow instance id", problem: idProblem };

/** Longest CRM prospect id accepted, as the spec's `CrmProspectId` says. */
export const MAX_CRM_ID_LENGTH = 128;

const NOT_IN_CRM_ID = /[\s\p{Cc}\p{Cf},]/u;
const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;

/**
 * CRM prospect ids (Salesforce, HubSpot, Dynamics…) are opaque: no whitespace, commas or control characters, at
 * most 128 characters. No CRM uses an email address as a record id, so one is refused as the mistake it is.
 */
export const CRM_PROSPECT_IDS: IdKind = {
  noun: "CRM prospect id",
  problem(value) {
    if (value.length === 0) return "is empty";
    if (value.length > MAX_CRM_ID_LENGTH)
      return `is ${value.length} characters long (a CRM id has at most ${MAX_CRM_ID_LENGTH})`;
    if (LOOKS_LIKE_EMAIL.test(value)) return "is an email address, not a CRM record id";
    if (NOT_IN_CRM_ID.test(value)) return "contains whitespace, a comma or a control character";
    return null;
  },
};

const FLOW_ID = new RegExp(SCHEMA_LIMITS.FlowId.pattern, "u");

/** Checks `--flow` values against the spec's flow id pattern before anything is sent. */
export function checkFlowIds(flows: readonly string[]): void {
  for (const flow of flows) {
    if (!FLOW_ID.test(flow)) {
      throw new UsageError(
        `--flow ${describeValue(flow)} is not a flow id: flow ids are decimal digits (gong-flows flows lists them)`,
      );
    }
  }
}
