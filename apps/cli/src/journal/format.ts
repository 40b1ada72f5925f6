import { createHash, createHmac } from "node:crypto";
import type { GongAuth, Outcome } from "@gong-flows/client";

export const JOURNAL_FORMAT = "gong-flows-journal";
/**
 * 3: the chain is keyed by the credentials (HMAC-SHA-256); 2 had a plain SHA-256 chain anyone could recompute, and
 * 1 bare JSON lines. Both are refused.
 */
export const JOURNAL_VERSION = 3;

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

/** The key that signs a journal's chain: only someone holding the credentials can write a journal the CLI trusts. */
export type JournalKey = Uint8Array;

/** Keeps this key apart from any other use of the same credentials. */
const KEY_LABEL = "gong-flows journal chain key v3";

/** The journal key of credentials: SHA-256 over a label and the credentials, never stored anywhere. */
export function journalKey(auth: GongAuth): JournalKey {
  const parts =
    auth.bearerToken !== undefined
      ? ["bearer", auth.bearerToken]
      : ["basic", auth.accessKey, auth.accessKeySecret];
  return createHash("sha256")
    .update(JSON.stringify([KEY_LABEL, ...parts]))
    .digest();
}

/**
 * Links a record to everything before it: HMAC-SHA-256, keyed by the credentials, of the previous line's hash and
 * this record's JSON. A line changed, inserted or removed breaks every hash after it, and without the credentials
 * no one can compute a chain that holds; the first line chains from the empty string.
 */
export function chainHash(key: JournalKey, previous: string, json: string): string {
  return createHmac("sha256", key).update(`${previous}\n${json}`).digest("hex");
}

/** One journal line, newline included: `HASH JSON`. */
export function encodeLine(
  key: JournalKey,
  previous: string,
  record: JournalRecord,
): { line: string; hash: string } {
  const json = JSON.stringify(record);
  const hash = chainHash(key, previous, json);
  return { line: `${hash} ${json}\n`, hash };
}

/** Splits a line into its hash and JSON, or `null` when it has not that shape. */
export function splitLine(line: string): { hash: string; json: string } | null {
  if (line.charAt(HASH_LENGTH) !== " ") return null;
  const hash = line.slice(0, HASH_LENGTH);
  return HASH.test(hash) ? { hash, json: line.slice(HASH_LENGTH + 1) } : null;
}

/**
 * Whether `text` (a whole file without a newline) can be a header line cut by a crash: empty, or a whole hash, its
 * space and the start of a header's JSON. Anything else (a short hex file, say) is someone's file, never replaced.
 */
export function isTornHeader(text: string): boolean {
  if (text === "") return true;
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
