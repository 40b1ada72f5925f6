/**
 * What the fake does to one request instead of (or around) answering it normally.
 * "before" faults leave the state untouched; "after" faults change it and then fail, which is the case a client
 * must report as `unknown`.
 */
export type Fault =
  | { readonly type: "status"; readonly status: number; readonly retryAfter?: string }
  | { readonly type: "html"; readonly status: number }
  | { readonly type: "process-then-status"; readonly status: number }
  | { readonly type: "drop-before" }
  | { readonly type: "drop-after" }
  | { readonly type: "hang-after" }
  | { readonly type: "invalid-200" };

/** Chooses the fault for the n-th request (1-based), or none. */
export type FaultScript = (requestNumber: number) => Fault | null;

const every =
  (period: number, fault: Fault, offset = 0): FaultScript =>
  (n) =>
    n % period === offset ? fault : null;

/** The named fault scripts shared by every test, so "flaky-5xx" means the same thing everywhere. */
export const FAULT_SCRIPTS = {
  none: () => null,
  /** Requests 2-4 get 429 with `Retry-After: 1`. */
  "rate-limit-burst": (n) => (n >= 2 && n <= 4 ? { type: "status", status: 429, retryAfter: "1" } : null),
  /** Every 4th request gets a 503 before anything is processed. */
  "flaky-5xx": every(4, { type: "status", status: 503 }),
  /** Every 5th request is processed, then answered 500: the client cannot know. */
  "ambiguous-5xx": every(5, { type: "process-then-status", status: 500 }),
  /** Every 6th request is processed, then its connection is dropped. */
  "dropped-after": every(6, { type: "drop-after" }),
  /** Every 6th request's connection is dropped before processing. */
  "dropped-before": every(6, { type: "drop-before" }),
  /** Every 7th request gets an HTML 502 from a "proxy". */
  "html-502": every(7, { type: "html", status: 502 }),
  /** Every 8th request is processed and answered 200 with a body that breaks the spec. */
  "invalid-200": every(8, { type: "invalid-200" }),
  /** A mix of everything above. */
  chaos: (n) => {
    const cycle: (Fault | null)[] = [
      null,
      { type: "status", status: 429, retryAfter: "0" },
      { type: "status", status: 503 },
      null,
      { type: "process-then-status", status: 500 },
      { type: "drop-after" },
      null,
      { type: "html", status: 502 },
      { type: "drop-before" },
      null,
      { type: "invalid-200" },
    ];
    return cycle[n % cycle.length] ?? null;
  },
} satisfies Record<string, FaultScript>;

export type FaultScriptName = keyof typeof FAULT_SCRIPTS;
