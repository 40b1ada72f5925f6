/** One line of the results: a median, its reference from the same run, and the target if there is one. */
export interface Row {
  readonly figure: string;
  readonly measured: string;
  readonly reference: string;
  /** measured / reference, or null where a ratio means nothing. */
  readonly ratio: number | null;
  readonly target: string;
  /** null where the figure has no target. */
  readonly met: boolean | null;
}

const HEADER = ["figure", "measured", "reference (same run)", "ratio", "target", "met"];

/** A Markdown table, so the output pastes into bench/README.md as it is. */
export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.figure,
    row.measured,
    row.reference,
    row.ratio === null ? "" : row.ratio.toFixed(2),
    row.target,
    row.met === null ? "" : row.met ? "yes" : "**no**",
  ]);
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...cells.map((c) => c[column]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(HEADER), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

export const us = (value: number) => `${value.toFixed(0)} µs`;
export const ms = (value: number) => `${value.toFixed(0)} ms`;
export const s = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
export const bytes = (value: number) => `${value.toLocaleString("en-US")} B`;
export const mib = (value: number) => `${(value / (1024 * 1024)).toFixed(0)} MiB`;
