import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  statSync,
} from "node:fs";
import { dirname } from "node:path";
import type { ProgressEvent } from "@gong-flows/client";
import { UsageError } from "../usage-error.js";
import { writeWhole } from "./files.js";
import {
  encodeLine,
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  type JournalBinding,
  type JournalKey,
  type JournalRecord,
} from "./format.js";
import { lockJournal } from "./lock.js";
import { checkBinding, EMPTY_JOURNAL, type JournalState, replayJournal } from "./replay.js";

const { O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = constants;

/** A journal is a regular file: a device (`/dev/null`), FIFO or folder would swallow or block the records. */
function checkRegular(isFile: boolean, path: string): void {
  if (!isFile) {
    throw new UsageError(
      `--journal ${path} is not a regular file (a device, pipe or folder): give the path of a file`,
    );
  }
}

/**
 * Reads a journal, if there is one, and checks it belongs to this job. Writes nothing. Without a key its chain is
 * not checked and what it claims is unverified (see {@link replayJournal}).
 */
export function readJournal(path: string, binding: JournalBinding, key: JournalKey | null): JournalState {
  return loadJournal(path, binding, key).state;
}

/** The replayed journal, and how many of its bytes are whole lines (the rest is a torn tail). */
function loadJournal(
  path: string,
  binding: JournalBinding,
  key: JournalKey | null,
): { state: JournalState; wholeBytes: number } {
  let bytes: Buffer;
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return { state: EMPTY_JOURNAL, wholeBytes: 0 };
    checkRegular(stats.isFile(), path);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read journal ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const state = replayJournal(bytes.toString("utf8"), path, key);
  if (state.binding) checkBinding(state.binding, binding, path);
  return { state, wholeBytes: state.binding ? bytes.lastIndexOf(0x0a) + 1 : 0 };
}

/** The journal could not be written: the run stops before sending anything more. */
export class JournalWriteError extends Error {
  override name = "JournalWriteError";
  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    super(`the journal ${path} could not be written (${code ?? (cause as Error)?.message ?? cause})`, {
      cause,
    });
  }
}

/** An open journal: every progress event is appended and flushed to disk before the run goes on. */
export interface JournalWriter {
  readonly state: JournalState;
  /** Appends the event's record; throws {@link JournalWriteError} now and for every later call once one failed. */
  record(event: ProgressEvent): void;
  close(): void;
}

/**
 * Locks, replays and opens a journal for appending; a new or headerless journal gets a header first. Each record
 * is written whole (a short write is continued) and fsynced before `record` returns, so a `sending` record is on
 * disk before its request leaves. After a failed write nothing more is appended: a record after a torn one would
 * turn the tear into corruption in the middle of the file.
 */
export function openJournal(path: string, binding: JournalBinding, key: JournalKey): JournalWriter {
  const release = lockJournal(path);
  let fd: number | undefined;
  try {
    const { state, wholeBytes } = loadJournal(path, binding, key);
    fd = openForAppend(path);
    // A torn last line (a crash or full disk mid-write) is cut, so the next record starts on a line of its own;
    // a journal without a whole header starts over.
    if (fstatSync(fd).size > wholeBytes) {
      ftruncateSync(fd, wholeBytes);
      fsyncSync(fd);
    }
    let previous = state.lastHash;
    let failure: JournalWriteError | undefined;
    const handle = fd;
    // Only what must precede a request is fsynced at once: the header and each `sending` record. The records after
    // an attempt are written at once and reach the disk with the next `sending` record's fsync (or at close); one
    // lost to a crash leaves its ids in flight on replay, which is the safe side (re-sent, never misreported).
    // One fsync per request instead of three or more keeps a run at 50 requests/s near its floor (bench/README.md).
    const append = (record: JournalRecord, durable = true) => {
      if (failure) throw failure;
      const { line, hash } = encodeLine(key, previous, record);
      try {
        writeWhole(handle, Buffer.from(line, "utf8"));
        if (durable) fsyncSync(handle);
      } catch (error) {
        failure = new JournalWriteError(path, error);
        throw failure;
      }
      previous = hash;
    };
    if (!state.binding) {
      append({ type: "header", format: JOURNAL_FORMAT, version: JOURNAL_VERSION, ...binding });
      syncFolder(path);
    }
    return {
      state,
      record(event) {
        const ids = event.flowInstanceIds;
        switch (event.type) {
          case "sending":
            return append({ type: "sending", ids, attempt: event.attempt });
          case "attempted": {
            const { attempt, status, maybeProcessed } = event;
            return append({ type: "attempted", ids, attempt, status, maybeProcessed }, false);
          }
          case "settled":
            return append({ type: "settled", ids, outcome: event.outcome }, false);
        }
      },
      close() {
        try {
          if (!failure) fsyncSync(handle);
        } finally {
          closeSync(handle);
        }
        release();
      },
    };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    release();
    if (error instanceof JournalWriteError) throw new UsageError(`Cannot start: ${error.message}`);
    throw error;
  }
}

/** Opens an existing journal (a symlink the user chose is followed) or creates a new one without following any. */
function openForAppend(path: string): number {
  let fd: number;
  try {
    try {
      fd = openSync(path, O_WRONLY | O_APPEND);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      fd = openSync(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "it is a symbolic link to nothing" : code;
    throw new UsageError(`Cannot open journal ${path}: ${why}`);
  }
  try {
    checkRegular(fstatSync(fd).isFile(), path);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Makes a new journal's name durable too: fsync of the file alone does not cover its folder entry. */
function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), O_RDONLY | O_DIRECTORY);
    fsyncSync(fd);
  } catch {
    // Some filesystems cannot fsync a folder; the file's own fsync still holds its records.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
