import { OUTCOMES, type Outcome } from "@gong-flows/client";
import { UsageError } from "../usage-error.js";
import {
  chainHash,
  FINAL_OUTCOMES,
  HEADER_JSON_PREFIX,
  isTornHeader,
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  type JournalBinding,
  type JournalKey,
  type JournalRecord,
  splitLine,
} from "./format.js";

/** What an earlier run left: ids settled for good, and ids it may have processed without knowing. */
export interface JournalState {
  readonly binding: JournalBinding | null;
  /** Ids settled as unassigned, notUnassigned or rejected: reported from the journal, not sent again. */
  readonly settled: ReadonlyMap<string, Outcome>;
  /** Ids in flight at a crash, answered in a way that may mean processed, or ended unknown. */
  readonly possiblyProcessed: ReadonlySet<string>;
  /** The hash of the last whole line, which the next record chains from. */
  readonly lastHash: string;
}

export const EMPTY_JOURNAL: JournalState = {
  binding: null,
  settled: new Map(),
  possiblyProcessed: new Set(),
  lastHash: "",
};

const isIds = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === "string");
const isAttempt = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;

/** Checks a parsed line is one of our records; anything else is corruption. */
function isRecord(value: unknown, first: boolean): value is JournalRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  if (first) return record.type === "header";
  switch (record.type) {
    case "sending":
      return isIds(record.ids) && isAttempt(record.attempt);
    case "attempted":
      return (
        isIds(record.ids) &&
        isAttempt(record.attempt) &&
        (record.status === null || Number.isInteger(record.status)) &&
        typeof record.maybeProcessed === "boolean"
      );
    case "settled":
      return isIds(record.ids) && OUTCOMES.includes(record.outcome as Outcome);
    default:
      return false;
  }
}

/** The answer a final outcome needs before it: a 2xx for a listing (or its absence), a 400 for a refusal. */
const ANSWER_FOR: Record<string, (status: number) => boolean> = {
  unassigned: (status) => status >= 200 && status < 300,
  notUnassigned: (status) => status >= 200 && status < 300,
  rejected: (status) => status === 400,
};

const notOurs = (path: string) =>
  new UsageError(`${path} is not a gong-flows journal: choose another --journal path`);

/**
 * Replays a journal's text. Every whole line must carry the hash chaining it to the line before, and every id a
 * line settles as unassigned, notUnassigned or rejected must have been sent and answered accordingly before it:
 * a line that fails either check was edited, and the journal is refused naming it, since trusting it could report
 * an id unassigned that never was. A last line without its newline is a write cut by a crash or a full disk: it is
 * ignored (ids whose `sending` record is whole stay in doubt) and cut off before the next append.
 *
 * The chain is keyed by the credentials (see `chainHash`). Without a key (`null`: a dry run without credentials)
 * the chain cannot be checked, and the state's claims are unverified: the caller must not trust them.
 */
export function replayJournal(text: string, path: string, key: JournalKey | null): JournalState {
  const lines = text.split("\n");
  const torn = lines.pop() ?? "";
  if (lines.length === 0) {
    // Only a torn header (a crash while creating the journal) may be replaced; anything else is someone's file.
    if (isTornHeader(torn)) return EMPTY_JOURNAL;
    throw notOurs(path);
  }
  const settled = new Map<string, Outcome>();
  const inFlight = new Set<string>();
  const inDoubt = new Set<string>();
  /** The status of each sent id's latest answered attempt; `null` while unanswered. */
  const answer = new Map<string, number | null>();
  let binding: JournalBinding | null = null;
  let lastHash = "";
  lines.forEach((line, index) => {
    const number = index + 1;
    const corrupt = (why: string) =>
      new UsageError(
        `Journal ${path} is corrupt at line ${number} (${why}): refusing to resume from it. ` +
          "Check the file, or start over with another --journal path",
      );
    const split = splitLine(line);
    if (split === null && index === 0) throw olderOrNotOurs(line, path);
    if (split === null) throw corrupt("not a journal record");
    let record: unknown;
    try {
      record = JSON.parse(split.json);
    } catch {
      record = undefined;
    }
    // The header's format and version are checked before its checksum: an older journal gets its own message.
    if (index === 0 && isRecord(record, true) && record.type === "header")
      binding = headerBinding(record, path);
    if (key !== null && split.hash !== chainHash(key, lastHash, split.json)) {
      if (index === 0 && binding === null) throw notOurs(path);
      if (index === 0) {
        throw new UsageError(
          `Journal ${path} was not written with these credentials (or was edited): the checksum of line 1 does ` +
            "not match them, so nothing in it can be trusted. Resume with the credentials that started it, or " +
            "start over with another --journal path",
        );
      }
      throw corrupt("its checksum does not match: it was changed, or lines before it were added or removed");
    }
    lastHash = split.hash;
    if (!isRecord(record, index === 0)) {
      if (index === 0) throw notOurs(path);
      throw corrupt("not a journal record");
    }
    switch (record.type) {
      case "header":
        return;
      case "sending":
        for (const id of record.ids) {
          // Still open from an earlier attempt that never got an answer (a crash, a second Ctrl-C): in doubt.
          if (inFlight.has(id)) inDoubt.add(id);
          inFlight.add(id);
          answer.set(id, null);
        }
        return;
      case "attempted": {
        // An answer that refused the request (4xx, 429, connection refused) proves it was not processed; a 2xx
        // was processed and its outcome is the `settled` record that follows, so until then the ids stay open.
        const answered = record.status !== null && record.status >= 200 && record.status < 300;
        for (const id of record.ids) {
          if (!answer.has(id)) throw corrupt(`id ${id} was not sent before this answer`);
          answer.set(id, record.status);
          if (record.maybeProcessed) inDoubt.add(id);
          else if (!answered) inFlight.delete(id);
        }
        return;
      }
      case "settled": {
        const needs = ANSWER_FOR[record.outcome];
        for (const id of record.ids) {
          if (needs) {
            const status = answer.get(id);
            if (status === undefined || status === null || !needs(status)) {
              throw corrupt(
                `it settles id ${id} as ${record.outcome} without a request answered so before it`,
              );
            }
          }
          inFlight.delete(id);
          // Settled: any later record of this id must start from a new `sending`.
          answer.delete(id);
          if (FINAL_OUTCOMES.has(record.outcome)) settled.set(id, record.outcome);
          else if (record.outcome === "unknown") inDoubt.add(id);
        }
        return;
      }
    }
  });
  const possiblyProcessed = new Set<string>();
  for (const set of [inFlight, inDoubt])
    for (const id of set) if (!settled.has(id)) possiblyProcessed.add(id);
  return { binding, settled, possiblyProcessed, lastHash };
}

function headerBinding(record: JournalRecord & { type: "header" }, path: string): JournalBinding {
  if (record.format !== JOURNAL_FORMAT) throw notOurs(path);
  if (record.version !== JOURNAL_VERSION) throw versionError(record.version, path);
  return { baseUrl: record.baseUrl, unassignedBy: record.unassignedBy, idSet: record.idSet, ids: record.ids };
}

const versionError = (version: unknown, path: string) =>
  new UsageError(
    `Journal ${path} has format version ${String(version)}; this gong-flows reads version ${JOURNAL_VERSION} ` +
      "(a chain of checksums keyed by the credentials). Finish that job with the gong-flows release that " +
      "started it, or start over with another --journal path",
  );

/** A first line without a hash: a journal of format 1 (bare JSON lines) gets its own message. */
function olderOrNotOurs(line: string, path: string): UsageError {
  if (line.startsWith(HEADER_JSON_PREFIX)) {
    try {
      const header = JSON.parse(line) as { format?: unknown; version?: unknown };
      if (header.format === JOURNAL_FORMAT) return versionError(header.version, path);
    } catch {
      // Not JSON after all: not ours.
    }
  }
  return notOurs(path);
}

/** Refuses a journal made for another job, naming what differs. */
export function checkBinding(found: JournalBinding, expected: JournalBinding, path: string): void {
  const differences: string[] = [];
  if (found.baseUrl !== expected.baseUrl)
    differences.push(`base URL ${found.baseUrl} (now ${expected.baseUrl})`);
  if (found.unassignedBy !== expected.unassignedBy) {
    differences.push(
      `--unassigned-by ${found.unassignedBy ?? "(none)"} (now ${expected.unassignedBy ?? "(none)"})`,
    );
  }
  if (found.idSet !== expected.idSet)
    differences.push(`a set of ${found.ids} ids (now ${expected.ids}, not the same set)`);
  if (differences.length > 0) {
    throw new UsageError(
      `Journal ${path} belongs to another job: it was written for ${differences.join(", ")}. ` +
        "Use the same ids and flags to resume, or another --journal path for a new job",
    );
  }
}
