import type { GongApiError, GongErrorKind } from "./errors.js";

/** A request that failed for good, as a report lists it: the facts of its typed error, as plain data. */
export interface RequestFailure {
  readonly kind: GongErrorKind;
  readonly status: number | null;
  readonly requestId: string | null;
  /** The sentence the typed error carries, e.g. the OAuth scope hint of a Bearer 403; never a credential. */
  readonly message: string;
  /** Gong's own messages (`errors[]` of the body); with no answer, the transport's description of the failure. */
  readonly messages: readonly string[];
}

/** The report's entry for a typed error: the one place both the bulk report and the lookups build it. */
export function failureOf(error: GongApiError): RequestFailure {
  return {
    kind: error.kind,
    status: error.status,
    requestId: error.requestId,
    message: error.message,
    // With no answer, Gong said nothing: the transport's own description (ENOTFOUND, a timeout) stands in.
    messages: error.messages.length === 0 && error.status === null ? [error.message] : [...error.messages],
  };
}
