import { OUTCOMES, type Outcome } from "@gong-flows/client";
import { UsageError } from "../usage-error.js";
import {
  FINAL_OUTCOMES,
  HEADER_PREFIX,
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  type JournalBinding,
  type JournalRecord,
} from "./format.js";

/** What an earlier run left: ids settled for good, and ids it may have processed without knowing. */
export interface JournalState {
  readonly binding: JournalBinding | null;
  /** Ids settled as unassigned, notUnassigned or rejected: reported from the journal, not sent again. */
  readonly settled: ReadonlyMap<string, Outcome>;
  /** Ids in flight at a crash, answered in a way that may mean processed, or ended unknown. */
  readonly possiblyProcessed: ReadonlySet<string>;
}

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

/**
 * Replays a journal's text. A last line without its newline is a write torn by a crash: it is ignored (its ids are
 * in doubt, since their `sending` record is complete) and cut off before the next append. Every complete line must
 * be a valid record; one that is not means the file is not ours to trust, and it is refused.
 */
export function replayJournal(text: string, path: string): JournalState {
  const lines = text.split("\n");
  const torn = lines.pop() ?? "";
  const settled = new Map<string, Outcome>();
  const inFlight = new Set<string>();
  const inDoubt = new Set<string>();
  if (lines.length === 0) {
    // Only a torn header (a crash while creating the journal) may be replaced; anything else is someone's file.
    if (torn === "" || HEADER_PREFIX.startsWith(torn) || torn.startsWith(HEADER_PREFIX)) {
      return { binding: null, settled, possiblyProcessed: inDoubt };
    }
    throw new UsageError(`${path} is not a gong-flows journal: choose another --journal path`);
  }
  let binding: JournalBinding | null = null;
  lines.forEach((line, index) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      record = undefined;
    }
    if (!isRecord(record, index === 0)) {
      if (index === 0)
        throw new UsageError(`${path} is not a gong-flows journal: choose another --journal path`);
      throw new UsageError(`Journal ${path} is corrupt at line ${index + 1}: refusing to resume from it`);
    }
    switch (record.type) {
      case "header":
        if (record.format !== JOURNAL_FORMAT) {
          throw new UsageError(`${path} is not a gong-flows journal: choose another --journal path`);
        }
        if (record.version !== JOURNAL_VERSION) {
          throw new UsageError(
            `Journal ${path} has format version ${record.version}; this CLI reads ${JOURNAL_VERSION}`,
          );
        }
        binding = {
          baseUrl: record.baseUrl,
          unassignedBy: record.unassignedBy,
          idSet: record.idSet,
          ids: record.ids,
        };
        return;
      case "sending":
        for (const id of record.ids) {
          // Still open from an earlier attempt that never got an answer (a crash, a second Ctrl-C): in doubt.
          if (inFlight.has(id)) inDoubt.add(id);
          inFlight.add(id);
        }
        return;
      case "attempted": {
        // An answer that refused the request (4xx, 429, connection refused) proves it was not processed; a 2xx
        // was processed and its outcome is the `settled` record that follows, so until then the ids stay open.
        const answered = record.status !== null && record.status >= 200 && record.status < 300;
        for (const id of record.ids) {
          if (record.maybeProcessed) inDoubt.add(id);
          else if (!answered) inFlight.delete(id);
        }
        return;
      }
      case "settled":
        for (const id of record.ids) {
          inFlight.delete(id);
          if (FINAL_OUTCOMES.has(record.outcome)) settled.set(id, record.outcome);
          else if (record.outcome === "unknown") inDoubt.add(id);
        }
        return;
    }
  });
  const possiblyProcessed = new Set([...inFlight, ...inDoubt].filter((id) => !settled.has(id)));
  return { binding, settled, possiblyProcessed };
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
