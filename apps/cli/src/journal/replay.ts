import type { Outcome } from "@gong-flows/client";
import { UsageError } from "../usage-error.js";
import {
  FINAL_OUTCOMES,
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
  /** Ids in flight at a crash, or that ended unknown: sent again as `possiblyProcessed`. */
  readonly possiblyProcessed: ReadonlySet<string>;
}

/**
 * Replays a journal's text. A torn last line (a crash mid-write) is ignored, leaving its ids in doubt; a corrupt
 * line anywhere else means the file is not ours to trust, and is refused.
 */
export function replayJournal(text: string, path: string): JournalState {
  const lines = text.split("\n");
  const complete = text.endsWith("\n") ? lines.slice(0, -1) : lines;
  const settled = new Map<string, Outcome>();
  const inFlight = new Set<string>();
  const possiblyProcessed = new Set<string>();
  let binding: JournalBinding | null = null;

  complete.forEach((line, index) => {
    const isLast = index === complete.length - 1;
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
      if (typeof record !== "object" || record === null || typeof record.type !== "string") throw new Error();
    } catch {
      if (isLast) return;
      throw new UsageError(`Journal ${path} is corrupt at line ${index + 1}: refusing to resume from it`);
    }
    if (index === 0) {
      if (record.type !== "header" || record.format !== JOURNAL_FORMAT) {
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
    }
    if (record.type === "sending") {
      for (const id of record.ids) inFlight.add(id);
    } else if (record.type === "settled") {
      for (const id of record.ids) {
        inFlight.delete(id);
        if (FINAL_OUTCOMES.has(record.outcome)) settled.set(id, record.outcome);
        else if (record.outcome === "unknown") possiblyProcessed.add(id);
      }
    } else if (!isLast) {
      throw new UsageError(`Journal ${path} is corrupt at line ${index + 1}: refusing to resume from it`);
    }
  });
  for (const id of inFlight) possiblyProcessed.add(id);
  for (const id of settled.keys()) possiblyProcessed.delete(id);
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
