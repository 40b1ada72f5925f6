import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
} from "node:fs";
import { UsageError } from "../usage-error.js";
import { createExclusive } from "./files.js";

const { O_NOFOLLOW, O_RDONLY } = constants;

/** A takeover takes microseconds; a guard this old was left by a process that died in the middle of one. */
const ABANDONED_GUARD_MS = 10_000;
const LOCK_TRIES = 50;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file as one inode: its number and the pid it names, read together (never through a link). */
interface Holder {
  readonly ino: number;
  readonly text: string;
  readonly pid: number | null;
}

function readHolder(lockPath: string): Holder | null {
  let fd: number;
  try {
    fd = openSync(lockPath, O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    // A symbolic link (ELOOP) or an unreadable file: it names no process we can check.
    return { ino: -1, text: "", pid: null };
  }
  try {
    const buffer = Buffer.alloc(32);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    const pid = /^\d+$/.test(text) ? Number(text) : null;
    return { ino: fstatSync(fd).ino, text, pid };
  } finally {
    closeSync(fd);
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Takes `PATH.lock` for this process, so two runs never append to one journal. The lock is a pid file created
 * exclusively (never through a symbolic link) under a unique name and hard-linked into place, so it is never seen
 * empty. A lock left by a process that no longer runs (killed with -9, say) is taken over atomically: see
 * {@link takeOver}. Returns the release function.
 */
export function lockJournal(journalPath: string): () => void {
  const lockPath = `${journalPath}.lock`;
  const candidate = createCandidate(journalPath, lockPath);
  try {
    for (let tries = 0; tries < LOCK_TRIES; tries++) {
      if (tryLink(candidate, lockPath, journalPath)) return releaser(lockPath);
      const holder = readHolder(lockPath);
      if (holder === null) continue;
      if (holder.pid === null || isRunning(holder.pid)) {
        const who =
          holder.pid !== null
            ? `pid ${holder.pid}; wait for it to finish`
            : `${lockPath} names no process; if no run is going, delete it`;
        throw new UsageError(`Journal ${journalPath} is in use by another gong-flows run (${who})`);
      }
      if (takeOver(lockPath, candidate, holder)) return releaser(lockPath);
      sleep(2 + tries);
    }
    throw new UsageError(`Cannot lock journal ${journalPath}: another run keeps taking the lock`);
  } finally {
    unlinkQuietly(candidate);
  }
}

/** This process's pid file, under a name nobody else uses: `PATH.lock.<pid>.<random>`. */
function createCandidate(journalPath: string, lockPath: string): string {
  for (;;) {
    const candidate = `${lockPath}.${process.pid}.${randomBytes(6).toString("hex")}`;
    try {
      createExclusive(candidate, String(process.pid));
      return candidate;
    } catch (error) {
      const code = codeOf(error);
      if (code === "EEXIST") continue;
      const why =
        code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : code;
      throw new UsageError(`Cannot create the lock file ${lockPath} for journal ${journalPath}: ${why}`);
    }
  }
}

/** Links the pid file into place; false if a lock is there. Without hard links, creates the lock exclusively. */
function tryLink(candidate: string, lockPath: string, journalPath: string): boolean {
  try {
    linkSync(candidate, lockPath);
    return true;
  } catch (error) {
    const code = codeOf(error);
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP")
      throw new UsageError(`Cannot lock journal ${journalPath}: ${code}`);
  }
  try {
    createExclusive(lockPath, String(process.pid));
    return true;
  } catch (error) {
    if (codeOf(error) === "EEXIST") return false;
    throw new UsageError(`Cannot lock journal ${journalPath}: ${codeOf(error)}`);
  }
}

/**
 * Replaces a stale lock, atomically with respect to every other process doing the same. Removing a stale lock and
 * then creating one is a race (two processes both see it stale; the second removes the first one's new lock), so:
 * the contender first hard-links the stale lock's inode to `PATH.lock.takeover.<inode>`, a name only one process
 * can create; the winner checks the guard is still that inode naming the same dead pid, and renames its own pid
 * file over the lock (the lock never disappears, so a newcomer cannot slip in), then removes the guard. A loser
 * retries and finds a live holder. A contender that read an old inode number links whatever lock is there now,
 * sees another inode, and backs off.
 */
function takeOver(lockPath: string, candidate: string, stale: Holder): boolean {
  const guard = `${lockPath}.takeover.${stale.ino}`;
  try {
    linkSync(lockPath, guard);
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT") return false;
    if (code === "EEXIST") {
      if (isAbandoned(guard)) {
        throw new UsageError(
          `A takeover of the stale lock ${lockPath} was interrupted; if no gong-flows run is going, ` +
            `delete ${lockPath} and ${guard}`,
        );
      }
      return false;
    }
    throw new UsageError(
      `The lock ${lockPath} names pid ${stale.pid}, which no longer runs, and cannot be taken over here ` +
        `(${code}); if no gong-flows run is going, delete it`,
    );
  }
  try {
    const now = readHolder(guard);
    if (now === null || now.ino !== stale.ino || now.text !== stale.text) return false;
    if (now.pid === null || isRunning(now.pid)) return false;
    renameSync(candidate, lockPath);
    return true;
  } finally {
    unlinkQuietly(guard);
  }
}

function isAbandoned(guard: string): boolean {
  try {
    return Date.now() - lstatSync(guard).ctimeMs > ABANDONED_GUARD_MS;
  } catch {
    return false;
  }
}

/** Removes the lock only while it is still this process's (same inode as its pid file had). */
function releaser(lockPath: string): () => void {
  let ino: number | null = null;
  try {
    ino = lstatSync(lockPath).ino;
  } catch {
    // Vanished already: nothing to release.
  }
  return () => {
    try {
      if (ino !== null && lstatSync(lockPath).ino === ino) unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to remove.
    }
  };
}

/** Removes a file that another run may already have removed. */
function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to remove.
  }
}
