import { createHash } from "node:crypto";
import type { Outcome } from "@gong-flows/client";

export const JOURNAL_FORMAT = "gong-flows-journal";
export const JOURNAL_VERSION = 1;

/** What a journal is bound to: resuming with anything else would misreport ids. */
export interface JournalBinding {
  readonly baseUrl: string;
  readonly unassignedBy: string | null;
  /** SHA-256 of the sorted unique ids: the same job, whatever their order or duplicates. */
  readonly idSet: string;
  readonly ids: number;
}

export type JournalRecord =
  | ({ readonly type: "header"; readonly format: string; readonly version: number } & JournalBinding)
  | { readonly type: "sending"; readonly ids: readonly string[]; readonly attempt: number }
  | {
      readonly type: "attempted";
      readonly ids: readonly string[];
      readonly attempt: number;
      readonly status: number | null;
      readonly maybeProcessed: boolean;
    }
  | { readonly type: "settled"; readonly ids: readonly string[]; readonly outcome: Outcome };

/** The first bytes of every journal: a file that does not start so is not ours to write to. */
export const HEADER_PREFIX = '{"type":"header"';

export function idSetHash(uniqueIds: readonly string[]): string {
  const hash = createHash("sha256");
  for (const id of [...uniqueIds].sort()) hash.update(`${id}\n`);
  return hash.digest("hex");
}

export function bindingOf(
  baseUrl: string,
  unassignedBy: string | undefined,
  uniqueIds: readonly string[],
): JournalBinding {
  return { baseUrl, unassignedBy: unassignedBy ?? null, idSet: idSetHash(uniqueIds), ids: uniqueIds.length };
}

/** Outcomes a re-run trusts: these ids are reported from the journal and never sent again. */
export const FINAL_OUTCOMES: ReadonlySet<Outcome> = new Set(["unassigned", "notUnassigned", "rejected"]);
