import { closeSync, constants, openSync, unlinkSync, writeSync } from "node:fs";

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY } = constants;

/** `writeSync` may write part of a buffer (a filling disk does): continue until all of it is written. */
export function writeWhole(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error("write made no progress"), { code: "EIO" });
    offset += written;
  }
}

/**
 * Creates a new file holding `text`, failing with EEXIST if anything is at `path` (a symbolic link included):
 * a link planted there can never redirect the write to another file. A file whose write fails (a full disk) is
 * removed again, so no empty or partial file is left behind.
 */
export function createExclusive(path: string, text: string): void {
  const fd = openSync(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644);
  try {
    writeWhole(fd, Buffer.from(text, "utf8"));
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing is left behind either way.
    }
    throw error;
  }
  closeSync(fd);
}
