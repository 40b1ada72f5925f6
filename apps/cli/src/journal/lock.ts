import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { UsageError } from "../usage-error.js";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `PATH.lock` for this process, so two runs never append to one journal. A lock left by a process that
 * no longer runs (killed with -9, say) is taken over. Returns the release function.
 */
export function lockJournal(journalPath: string): () => void {
  const lockPath = `${journalPath}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new UsageError(`Cannot lock journal ${journalPath}: ${(error as NodeJS.ErrnoException).code}`);
      }
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new UsageError(
          `Journal ${journalPath} is in use by another gong-flows run (pid ${holder}); wait for it to finish`,
        );
      }
      unlinkSync(lockPath);
    }
  }
  throw new UsageError(`Cannot lock journal ${journalPath}: another run keeps taking the lock`);
}
