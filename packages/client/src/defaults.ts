import { unassignFlowsLimits } from "./generated/limits.js";

/** The most ids one unassign request may carry: the spec's `maxItems`, generated from it at build time. */
export const MAX_IDS_PER_REQUEST: number = unassignFlowsLimits.flowInstanceIds.maxItems;

/** Longest id accepted; Gong's ids are ~15 digits, so anything near this is a paste error. */
export const MAX_ID_LENGTH = 256;

/** No upper bound. */
const UNBOUNDED = Number.POSITIVE_INFINITY;

/** Default and accepted values of a numeric option. */
export interface NumberRange {
  readonly default: number;
  readonly min: number;
  /** `Infinity` when there is no upper bound. */
  readonly max: number;
  /** `min` itself is refused (the value must be greater). */
  readonly exclusiveMin?: boolean;
  /** Only whole numbers (default: any finite number). */
  readonly integer?: boolean;
}

/**
 * Default and range of every numeric client option: the one source the client checks against and the CLI and
 * the contract kit build their flags from.
 */
export const OPTION_RANGES = {
  maxRetries: { default: 3, min: 0, max: 10, integer: true },
  maxRetryAfterSeconds: {
    default: 120,
    min: 0,
    max: UNBOUNDED,
  },
  timeoutMs: { default: 30_000, min: 100, max: 600_000, integer: true },
  requestsPerSecond: {
    default: 3,
    min: 0,
    max: UNBOUNDED,
    exclusiveMin: true,
  },
  batchSize: {
    default: MAX_IDS_PER_REQUEST,
    min: 1,
    max: MAX_IDS_PER_REQUEST,
    integer: true,
  },
  maxIsolationRequests: { default: 64, min: 0, max: 10_000, integer: true },
} as const satisfies Record<string, NumberRange>;

/** The name of a numeric option. */
export type NumericOption = keyof typeof OPTION_RANGES;

/** "an integer from 1 to 200", "a number greater than 0": how a range reads in a message. */
export function describeRange(range: NumberRange): string {
  const { min, max } = range;
  const bounds = range.exclusiveMin
    ? `greater than ${min}`
    : max === UNBOUNDED
      ? `of ${min} or more`
      : `from ${min} to ${max}`;
  return `${range.integer ? "an integer" : "a number"} ${bounds}`;
}

/** Whether `value` is in `range` (and whole, where the range asks for it). */
export function inRange(value: number, range: NumberRange): boolean {
  if (!Number.isFinite(value) || (range.integer && !Number.isInteger(value))) return false;
  return (range.exclusiveMin ? value > range.min : value >= range.min) && value <= range.max;
}
