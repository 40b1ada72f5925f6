/** One record of a CSV text: its fields, and the line it starts on (1-based, as an editor counts). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Reads CSV as RFC 4180 writes it and spreadsheet exports produce it: comma-separated fields, fields in double
 * quotes may hold commas, line breaks and doubled quotes (`""`), lines end in LF or CRLF. A record with one empty
 * field (a blank line) is skipped. Generated one record at a time, so a file of millions of rows never exists
 * twice in memory.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (index < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[index] === '"') {
        // A quoted field: up to the closing quote; "" inside is one quote.
        index++;
        for (;;) {
          const quote = text.indexOf('"', index);
          if (quote === -1) throw new CsvError(startLine, "a quoted field is never closed");
          const part = text.slice(index, quote);
          for (const char of part) if (char === "\n") line++;
          field += part;
          if (text[quote + 1] === '"') {
            field += '"';
            index = quote + 2;
          } else {
            index = quote + 1;
            break;
          }
        }
      }
      // The rest of an unquoted field (or what follows a closing quote) runs to the next comma or line end.
      let end = index;
      while (end < text.length && text[end] !== "," && text[end] !== "\n") end++;
      field += text.slice(index, end).replace(/\r$/, "");
      fields.push(field);
      field = "";
      if (end >= text.length || text[end] === "\n") {
        endOfRecord = true;
        if (text[end] === "\n") line++;
      }
      index = end + 1;
    }
    if (fields.length === 1 && fields[0]?.trim() === "") continue;
    yield { line: startLine, fields };
  }
}

/** A text that is not CSV; `line` is where the broken record starts. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
    this.name = "CsvError";
  }
}
