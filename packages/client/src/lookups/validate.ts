import { describeValue } from "../bulk/validate.js";
import { SCHEMA_LIMITS } from "../generated/limits.js";
import { GongInputError } from "../input-error.js";

interface StringLimits {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

/** Why `value` breaks a named string schema of the spec, or `null`. */
export function schemaProblem(value: string, limits: StringLimits, what: string): string | null {
  if (limits.minLength !== undefined && value.length < limits.minLength) return "is empty";
  if (limits.maxLength !== undefined && value.length > limits.maxLength) {
    return `is ${value.length} characters long (at most ${limits.maxLength})`;
  }
  if (limits.pattern !== undefined && !new RegExp(limits.pattern, "u").test(value)) {
    return `is not ${what} (the spec's pattern ${limits.pattern})`;
  }
  return null;
}

const KINDS = {
  crmProspectIds: [
    SCHEMA_LIMITS.CrmProspectId,
    "a CRM prospect id: no whitespace, commas or control characters",
  ],
  flowIds: [SCHEMA_LIMITS.FlowId, "a Gong flow id: decimal digits"],
  workspaceId: [SCHEMA_LIMITS.WorkspaceId, "a Gong workspace id: decimal digits"],
  folderId: [SCHEMA_LIMITS.FolderId, "a Gong folder id: decimal digits"],
} as const;

/** Validates ids of one kind against the spec's schema for them; the error names field, position and value. */
export function validateSchemaIds(field: keyof typeof KINDS, values: unknown, allowEmpty: boolean): string[] {
  if (
    typeof values === "string" ||
    values === null ||
    typeof values !== "object" ||
    !(Symbol.iterator in values)
  ) {
    throw new GongInputError(`${field} must be an iterable (e.g. an array) of id strings`, {
      field,
      ...(typeof values === "string" ? { value: values } : {}),
    });
  }
  const [limits, what] = KINDS[field];
  const result: string[] = [];
  let index = 0;
  for (const value of values as Iterable<unknown>) {
    if (typeof value !== "string") {
      throw new GongInputError(`${field}[${index}] must be a string, got ${typeof value}`, { field, index });
    }
    const problem = schemaProblem(value, limits, what);
    if (problem) {
      throw new GongInputError(`${field}[${index}] ${describeValue(value)} ${problem}`, {
        field,
        index,
        value,
      });
    }
    result.push(value);
    index++;
  }
  if (result.length === 0 && !allowEmpty) {
    throw new GongInputError(`${field} is empty: pass at least one id`, { field });
  }
  return result;
}

/** One id of a kind (a query parameter), checked like the lists. */
export function validateSchemaId(field: "workspaceId" | "folderId", value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return validateSchemaIds(field, [value], false)[0];
}
