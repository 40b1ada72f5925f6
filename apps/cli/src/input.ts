import { createReadStream } from "node:fs";
import { MAX_ID_LENGTH } from "@gong-flows/client/node";
import { UsageError } from "./usage-error.js";

/**
 * Most bytes the id sources of one run (every `--file PATH` and standard input, together) may hold. 2,000,000 ids of 30 digits with their
 * separators take 62 MB; 256 MiB leaves room for comments and CRLF line ends, and stops `/dev/zero` or an endless
 * pipe long before memory runs out.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Most ids one run may list over all its sources, duplicates included: 2.5 times the largest job (2,000,000 ids). */
export const MAX_INPUT_IDS = 5_000_000;

/** A run of bytes this long without a separator cannot be an id (at most MAX_ID_LENGTH characters of ≤ 4 bytes). */
const MAX_TOKEN_BYTES = 4 * MAX_ID_LENGTH;

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const HASH = 0x23;
const BOM = [0xef, 0xbb, 0xbf];

/** What each byte is to the guard (0: part of an id): a table, since a 62 MB list passes through its loop. */
const SEPARATOR = 1;
const BYTE_KIND = new Uint8Array(256);
// Space, tab, CR, vertical tab, form feed and comma: the ASCII separators of an id file.
for (const byte of [0x20, 0x09, 0x0d, 0x0b, 0x0c, COMMA]) BYTE_KIND[byte] = SEPARATOR;

/**
 * Follows an id file as it arrives, to refuse it as soon as it cannot be one: too many bytes or ids, or a value
 * too long to be an id (`/dev/zero` is one endless value). Comment lines (`#` after leading blanks) are skipped.
 * Separators other than ASCII ones are not seen here, so ids separated only by other Unicode spaces on a line
 * longer than a kilobyte would be refused; the full parse of the text comes after.
 */
/** What the sources read so far in this run hold: the caps count all of them together, not each on its own. */
export interface InputTotals {
  bytes: number;
  ids: number;
}

export const noInputYet = (): InputTotals => ({ bytes: 0, ids: 0 });

class InputGuard {
  #started = false;
  #line = 1;
  #atLineStart = true;
  #inComment = false;
  #tokenBytes = 0;

  constructor(
    private readonly name: string,
    private readonly totals: InputTotals,
  ) {}

  check(chunk: Uint8Array): void {
    const startsFile = !this.#started;
    this.#started = true;
    this.totals.bytes += chunk.length;
    if (this.totals.bytes > MAX_INPUT_BYTES) {
      throw new UsageError(
        `${this.name}: the id sources hold more than ${MAX_INPUT_BYTES / 1024 / 1024} MiB together, more than ` +
          "any id list needs (2,000,000 ids take about 62 MB): split the job, or check these are the files you meant",
      );
    }
    let index = startsFile && BOM.every((byte, at) => chunk[at] === byte) ? BOM.length : 0;
    let atLineStart = this.#atLineStart;
    let inComment = this.#inComment;
    let tokenBytes = this.#tokenBytes;
    let ids = this.totals.ids;
    let line = this.#line;
    for (; index < chunk.length; index++) {
      if (inComment) {
        const newline = chunk.indexOf(NEWLINE, index);
        if (newline === -1) break;
        index = newline;
      }
      const byte = chunk[index] as number;
      if (byte === NEWLINE) {
        line++;
        atLineStart = true;
        inComment = false;
        tokenBytes = 0;
      } else if (BYTE_KIND[byte] === SEPARATOR) {
        tokenBytes = 0;
        if (byte === COMMA) atLineStart = false;
      } else if (byte === HASH && atLineStart) {
        inComment = true;
      } else {
        atLineStart = false;
        if (tokenBytes++ === 0 && ++ids > MAX_INPUT_IDS) {
          throw new UsageError(
            `${this.name}:${line}: more than ${MAX_INPUT_IDS.toLocaleString("en-US")} ids in all id sources ` +
              "together; split the job into several runs",
          );
        }
        if (tokenBytes > MAX_TOKEN_BYTES) {
          throw new UsageError(
            `${this.name}:${line}: a value of more than ${MAX_TOKEN_BYTES} bytes without a separator, ` +
              `which cannot be an id (at most ${MAX_ID_LENGTH} characters); is this the id file you meant?`,
          );
        }
      }
    }
    this.#atLineStart = atLineStart;
    this.#inComment = inComment;
    this.#tokenBytes = tokenBytes;
    this.totals.ids = ids;
    this.#line = line;
  }
}

/**
 * Reads an id source whole, refusing it (and stopping the read) as soon as it is too large to be an id list.
 * The stream is destroyed when reading stops early, so an endless source is not read any further.
 */
export async function readIdSource(
  source: AsyncIterable<Uint8Array> & { destroy?(): void },
  name: string,
  totals: InputTotals = noInputYet(),
): Promise<Uint8Array> {
  const guard = new InputGuard(name, totals);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of source) {
      guard.check(chunk);
      chunks.push(chunk);
      length += chunk.length;
    }
  } catch (error) {
    source.destroy?.();
    throw error;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Reads an id file (or device, or pipe) with the caps of {@link readIdSource}, in 1 MiB chunks. */
export function readIdFile(path: string, name: string, totals: InputTotals): Promise<Uint8Array> {
  return readIdSource(createReadStream(path, { highWaterMark: 1 << 20 }), name, totals);
}
