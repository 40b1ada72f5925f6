import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { UsageError } from "../usage-error.js";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const holderOf = (lockPath: string): string => {
  try {
    return readFileSync(lockPath, "utf8");
  } catch {
    return "";
  }
};

/**
 * Takes `PATH.lock` for this process, so two runs never append to one journal. The lock is created whole (a pid
 * file hard-linked into place), so it is never seen empty. A lock left by a process that no longer runs (killed
 * with -9, say) is taken over. Returns the release function.
 */
export function lockJournal(journalPath: string): () => void {
  const lockPath = `${journalPath}.lock`;
  const candidate = `${lockPath}.${process.pid}`;
  try {
    writeFileSync(candidate, String(process.pid));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : code;
    throw new UsageError(`Cannot create journal ${journalPath}: ${why}`);
  }
  try {
    for (let tries = 0; tries < 3; tries++) {
      try {
        createLock(candidate, lockPath);
        return () => unlinkQuietly(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw new UsageError(
            `Cannot lock journal ${journalPath}: ${(error as NodeJS.ErrnoException).code}`,
          );
        }
      }
      const holder = holderOf(lockPath);
      const pid = Number.parseInt(holder, 10);
      if (!Number.isInteger(pid) || isRunning(pid)) {
        const who = Number.isInteger(pid)
          ? `pid ${pid}; wait for it to finish`
          : `${lockPath} names no process; if no run is going, delete it`;
        throw new UsageError(`Journal ${journalPath} is in use by another gong-flows run (${who})`);
      }
      // Stale: remove it only if it still names the dead process, so a fresh lock taken meanwhile is kept.
      if (holderOf(lockPath) === holder) unlinkQuietly(lockPath);
    }
    throw new UsageError(`Cannot lock journal ${journalPath}: another run keeps taking the lock`);
  } finally {
    unlinkQuietly(candidate);
  }
}

/** Puts the pid file in place atomically; where hard links are not supported, creates it exclusively instead. */
function createLock(candidate: string, lockPath: string): void {
  try {
    linkSync(candidate, lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  }
}

/** Removes a file that another run may already have removed. */
function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to remove.
  }
}
