import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import type { ProgressEvent } from "@gong-flows/client";
import { UsageError } from "../usage-error.js";
import { JOURNAL_FORMAT, JOURNAL_VERSION, type JournalBinding, type JournalRecord } from "./format.js";
import { lockJournal } from "./lock.js";
import { checkBinding, type JournalState, replayJournal } from "./replay.js";

/** Reads a journal, if there is one, and checks it belongs to this job. Writes nothing. */
export function readJournal(path: string, binding: JournalBinding): JournalState {
  if (!existsSync(path)) return { binding: null, settled: new Map(), possiblyProcessed: new Set() };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read journal ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const state = replayJournal(text, path);
  if (state.binding) checkBinding(state.binding, binding, path);
  return state;
}

/** An open journal: every progress event is appended and flushed to disk before the run goes on. */
export interface JournalWriter {
  readonly state: JournalState;
  record(event: ProgressEvent): void;
  close(): void;
}

/** Locks, replays and opens a journal for appending; a new or headerless journal gets a header first. */
export function openJournal(path: string, binding: JournalBinding): JournalWriter {
  const release = lockJournal(path);
  try {
    const state = readJournal(path, binding);
    if (state.binding) dropTornTail(path);
    const fd = openSync(path, state.binding ? "a" : "w");
    const append = (record: JournalRecord) => {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    };
    if (!state.binding)
      append({ type: "header", format: JOURNAL_FORMAT, version: JOURNAL_VERSION, ...binding });
    return {
      state,
      record(event) {
        const ids = event.flowInstanceIds;
        switch (event.type) {
          case "sending":
            return append({ type: "sending", ids, attempt: event.attempt });
          case "attempted": {
            const { attempt, status, maybeProcessed } = event;
            return append({ type: "attempted", ids, attempt, status, maybeProcessed });
          }
          case "settled":
            return append({ type: "settled", ids, outcome: event.outcome });
        }
      },
      close() {
        closeSync(fd);
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Cuts a torn last line (a crash mid-write) so the next record starts on a line of its own. */
function dropTornTail(path: string): void {
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end < bytes.length) truncateSync(path, end);
}
