import { createHash } from "node:crypto";
import type { Outcome } from "@gong-flows/client";

export const JOURNAL_FORMAT = "gong-flows-journal";
/** 2: every line carries the hash chain (`HASH JSON`); 1 had bare JSON lines and is refused. */
export const JOURNAL_VERSION = 2;

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

/** The JSON every header starts with, after its hash. */
export const HEADER_JSON_PREFIX = '{"type":"header"';

const HASH_LENGTH = 64;
const HASH = /^[0-9a-f]*$/;

/**
 * Links a record to everything before it: SHA-256 of the previous line's hash and this record's JSON. A line
 * changed, inserted or removed breaks every hash after it; the first line chains from the empty string.
 */
export function chainHash(previous: string, json: string): string {
  return createHash("sha256").update(`${previous}\n${json}`).digest("hex");
}

/** One journal line, newline included: `HASH JSON`. */
export function encodeLine(previous: string, record: JournalRecord): { line: string; hash: string } {
  const json = JSON.stringify(record);
  const hash = chainHash(previous, json);
  return { line: `${hash} ${json}\n`, hash };
}

/** Splits a line into its hash and JSON, or `null` when it has not that shape. */
export function splitLine(line: string): { hash: string; json: string } | null {
  if (line.charAt(HASH_LENGTH) !== " ") return null;
  const hash = line.slice(0, HASH_LENGTH);
  return HASH.test(hash) ? { hash, json: line.slice(HASH_LENGTH + 1) } : null;
}

/** Whether `text` (a whole file without a newline) can be the start of a header line cut by a crash. */
export function isTornHeader(text: string): boolean {
  if (text.length <= HASH_LENGTH) return HASH.test(text);
  const split = splitLine(text);
  if (split === null) return false;
  return HEADER_JSON_PREFIX.startsWith(split.json) || split.json.startsWith(HEADER_JSON_PREFIX);
}

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
