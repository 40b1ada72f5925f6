import type { UnassignReport } from "@gong-flows/client";

const LISTS = [
  ["unassigned", "unassigned"],
  ["notUnassigned", "not unassigned (still assigned)"],
  ["rejected", "rejected by Gong"],
  ["unknown", "unknown (may have been processed: check)"],
  ["skipped", "skipped (not acted on: safe to re-run)"],
] as const;

const MAX_IDS_SHOWN = 50;

/** The human summary: counts per list, the ids that were not unassigned, and the failed requests. */
export function renderSummary(report: UnassignReport): string {
  const total = LISTS.reduce((sum, [list]) => sum + report[list].length, 0);
  const lines = [
    `Unassigned ${report.unassigned.length} of ${total} flow instances in ${report.requests} request${report.requests === 1 ? "" : "s"}.`,
  ];
  for (const [list, label] of LISTS) lines.push(`  ${String(report[list].length).padStart(7)}  ${label}`);
  if (report.duplicates > 0) lines.push(`  ${String(report.duplicates).padStart(7)}  duplicates dropped`);
  for (const [list, label] of LISTS.slice(1)) {
    const ids = report[list];
    if (ids.length === 0) continue;
    lines.push("", `${label[0]?.toUpperCase()}${label.slice(1)}:`);
    for (const id of ids.slice(0, MAX_IDS_SHOWN)) lines.push(`  ${id}`);
    if (ids.length > MAX_IDS_SHOWN)
      lines.push(`  … and ${ids.length - MAX_IDS_SHOWN} more (--json lists all)`);
  }
  if (report.errors.length > 0) {
    lines.push("", "Failed requests:");
    for (const error of report.errors) {
      const status = error.status === null ? "no answer" : `HTTP ${error.status}`;
      const ref = error.requestId ? ` requestId ${error.requestId}` : "";
      const said = error.messages.length > 0 ? `: ${error.messages.join("; ")}` : "";
      lines.push(`  ${status} ${error.kind}${ref}, ${error.flowInstanceIds.length} ids${said}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Exit code of a finished run: 0 only when every id is unassigned. */
export function exitCodeOf(report: UnassignReport): 0 | 1 {
  const notDone =
    report.notUnassigned.length + report.rejected.length + report.unknown.length + report.skipped.length;
  return notDone === 0 ? 0 : 1;
}
