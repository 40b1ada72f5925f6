import { describeValue } from "@gong-flows/client/node";
import { CsvError, csvRecords } from "./input/csv.js";
import { headerFields, looksLikeHeader } from "./input/header.js";
import { CRM_PROSPECT_IDS, FLOW_INSTANCE_IDS, type IdKind } from "./input/id-kinds.js";
import { MAX_INPUT_IDS, noInputYet, readIdFile } from "./input.js";
import { UsageError } from "./usage-error.js";

/** How the ids of a command are read: what they are, and the CSV column to take them from (`--column`). */
export interface IdInput {
  readonly kind: IdKind;
  readonly column?: string | undefined;
}

const PLAIN_IDS: IdInput = { kind: FLOW_INSTANCE_IDS };

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** Decodes a file as UTF-8, refusing bytes that are not (they would become U+FFFD and be sent as ids). */
function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lines = new TextDecoder("utf-8").decode(bytes).split("\n");
    const line = lines.findIndex((text) => text.includes("\uFFFD")) + 1;
    throw new UsageError(`${name}:${line}: not valid UTF-8 text; save the file as UTF-8`);
  }
}

/** Where a command's ids come from: `--crm-ids`, or flow instance ids from arguments and `--file`. */
export interface IdSources {
  readonly ids: readonly string[];
  readonly files: readonly string[];
  readonly crmIds: string | undefined;
  readonly column: string | undefined;
}

/** The ids of `find` and `unassign`: the CRM ids of `--crm-ids`, else the flow instance ids given. */
export function collectCommandIds(sources: IdSources, readStdin: () => Promise<string>): Promise<string[]> {
  return sources.crmIds === undefined
    ? collectIds(sources.ids, sources.files, readStdin, { kind: FLOW_INSTANCE_IDS, column: sources.column })
    : collectIds([], [sources.crmIds], readStdin, { kind: CRM_PROSPECT_IDS, column: sources.column });
}

/**
 * Collects ids from arguments and `--file` sources, in that order. Each argument is one id; a file holds ids
 * separated by newlines, commas or whitespace, and lines starting with `#` are comments; with `--column` it is a
 * CSV file with a header row. Every problem names where it is (argument number, or file and line).
 */
export async function collectIds(
  args: readonly string[],
  files: readonly string[],
  readStdin: () => Promise<string>,
  input: IdInput = PLAIN_IDS,
): Promise<string[]> {
  const ids: string[] = [];
  // The caps hold for all sources together: eight files just under the cap must not add up to 40,000,000 ids.
  const totals = noInputYet();
  totals.ids = args.length;
  args.forEach((id, index) => {
    // The shell hands over bytes; Node decodes arguments leniently, so bytes that are not UTF-8 arrive as U+FFFD.
    if (id.includes("\uFFFD")) {
      throw new UsageError(`Id argument ${index + 1} is not valid UTF-8 text; type or paste the id again`);
    }
    const problem = input.kind.problem(id);
    if (problem) {
      throw new UsageError(
        `Argument ${index + 1} ${describeValue(id)} is not a ${input.kind.noun}: it ${problem}`,
      );
    }
    ids.push(id);
  });
  for (const file of files) {
    const name = file === "-" ? "standard input" : file;
    let text: string;
    try {
      text = file === "-" ? await readStdin() : decodeUtf8(await readIdFile(file, name, totals), name);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? "";
      const why = FILE_ERRORS[code] ?? (error as Error).message;
      throw new UsageError(`Cannot read --file ${name}: ${why}${code ? ` (${code})` : ""}`);
    }
    // One push per id: spreading a file's ids into push() overflows the stack from about 125,000 ids.
    const found =
      input.column === undefined ? idsInText(text, name, input.kind) : idsInColumn(text, name, input);
    for (const id of found) ids.push(id);
    // Standard input is read by the caller with a cap of its own; its ids still count towards the total.
    if (ids.length > MAX_INPUT_IDS) {
      throw new UsageError(
        `${name}: more than ${MAX_INPUT_IDS.toLocaleString("en-US")} ids in all id sources together; ` +
          "split the job into several runs",
      );
    }
    totals.ids = ids.length;
  }
  if (ids.length === 0) {
    throw new UsageError(`No ids given: pass ${input.kind.noun}s as arguments or with a file (- for stdin)`);
  }
  return ids;
}

/** Separators between ids on a line: CRM ids never hold whitespace, so a space inside a value is a mistake there. */
const separatorsOf = (kind: IdKind) => (kind === FLOW_INSTANCE_IDS ? /[\s,]+/ : /[,\t]+/);

/** Parses the ids of one file's text; a CSV header on the first data line is refused with the `--column` hint. */
export function idsInText(text: string, name: string, kind: IdKind = FLOW_INSTANCE_IDS): string[] {
  const ids: string[] = [];
  const separators = separatorsOf(kind);
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let firstDataLine = true;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (firstDataLine && looksLikeHeader(trimmed, kind)) throw headerError(name, index + 1, trimmed, kind);
    firstDataLine = false;
    for (const raw of trimmed.split(separators)) {
      const token = raw.trim();
      if (token === "") continue;
      const problem = kind.problem(token);
      if (problem) {
        throw new UsageError(
          `${name}:${index + 1}: ${describeValue(token)} is not a ${kind.noun}: it ${problem}`,
        );
      }
      ids.push(token);
    }
  });
  return ids;
}

function headerError(name: string, line: number, text: string, kind: IdKind): UsageError {
  const columns = headerFields(text)
    .filter((field) => field !== "")
    .map((field) => JSON.stringify(field))
    .join(", ");
  return new UsageError(
    `${name}:${line}: ${describeValue(text)} is a CSV header, not ${kind.noun}s. Take the ids from one column ` +
      `with --column NAME (this file's columns: ${columns})`,
  );
}

/** The values of one column of a CSV file with a header row (`--column NAME`), each checked as an id. */
export function idsInColumn(text: string, name: string, input: IdInput): string[] {
  const ids: string[] = [];
  const column = input.column ?? "";
  let index = -1;
  try {
    for (const record of csvRecords(text)) {
      if (index === -1) {
        index = columnIndex(record.fields, column, name, record.line);
        continue;
      }
      if (record.fields.every((field) => field.trim() === "")) continue;
      const value = (record.fields[index] ?? "").trim();
      if (value === "") {
        throw new UsageError(`${name}:${record.line}: no value in column ${JSON.stringify(column)}`);
      }
      const problem = input.kind.problem(value);
      if (problem) {
        throw new UsageError(
          `${name}:${record.line}: ${describeValue(value)} in column ${JSON.stringify(column)} is not a ` +
            `${input.kind.noun}: it ${problem}`,
        );
      }
      ids.push(value);
    }
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${name}:${error.line}: not CSV: ${error.message}`);
    throw error;
  }
  if (index === -1) throw new UsageError(`${name} is empty: --column needs a header row and ids under it`);
  return ids;
}

function columnIndex(header: readonly string[], column: string, name: string, line: number): number {
  const names = header.map((field) => field.trim());
  let index = names.indexOf(column);
  if (index === -1) {
    const folded = names.map((field) => field.toLowerCase());
    index = folded.indexOf(column.trim().toLowerCase());
    if (index !== -1 && folded.indexOf(folded[index] ?? "", index + 1) !== -1) index = -1;
  }
  if (index === -1) {
    const columns = names.map((field) => describeValue(field)).join(", ");
    throw new UsageError(
      `${name}:${line}: no column ${JSON.stringify(column)} in the header row; its columns are ${columns}`,
    );
  }
  return index;
}
