import { describeValue, idProblem } from "@gong-flows/client/node";
import { readIdFile } from "./input.js";
import { UsageError } from "./usage-error.js";

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

/**
 * Collects ids from arguments and `--file` sources, in that order. Each argument is one id; a file holds ids
 * separated by newlines, commas or whitespace, and lines starting with `#` are comments. Every problem names
 * where it is (argument number, or file and line).
 */
export async function collectIds(
  args: readonly string[],
  files: readonly string[],
  readStdin: () => Promise<string>,
): Promise<string[]> {
  const ids: string[] = [];
  args.forEach((id, index) => {
    // The shell hands over bytes; Node decodes arguments leniently, so bytes that are not UTF-8 arrive as U+FFFD.
    if (id.includes("\uFFFD")) {
      throw new UsageError(`Id argument ${index + 1} is not valid UTF-8 text; type or paste the id again`);
    }
    const problem = idProblem(id);
    if (problem) throw new UsageError(`Id argument ${index + 1} ${describeValue(id)} ${problem}`);
    ids.push(id);
  });
  for (const file of files) {
    const name = file === "-" ? "standard input" : file;
    let text: string;
    try {
      text = file === "-" ? await readStdin() : decodeUtf8(await readIdFile(file, name), name);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? "";
      const why = FILE_ERRORS[code] ?? (error as Error).message;
      throw new UsageError(`Cannot read --file ${name}: ${why}${code ? ` (${code})` : ""}`);
    }
    // One push per id: spreading a file's ids into push() overflows the stack from about 125,000 ids.
    for (const id of idsInText(text, name)) ids.push(id);
  }
  if (ids.length === 0) {
    throw new UsageError(
      "No ids given: pass flow instance ids as arguments or with --file PATH (- for stdin)",
    );
  }
  return ids;
}

/** Parses the ids of one file's text. */
export function idsInText(text: string, name: string): string[] {
  const ids: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    for (const token of trimmed.split(/[\s,]+/)) {
      if (token === "") continue;
      const problem = idProblem(token);
      if (problem) throw new UsageError(`${name}:${index + 1}: id ${describeValue(token)} ${problem}`);
      ids.push(token);
    }
  });
  return ids;
}
