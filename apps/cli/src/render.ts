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
  const hint = hintFor(report);
  if (hint) lines.push("", hint);
  return `${lines.join("\n")}\n`;
}

/** Exit code of a finished run: 0 only when every id is unassigned. */
export function exitCodeOf(report: UnassignReport): 0 | 1 {
  const notDone =
    report.notUnassigned.length + report.rejected.length + report.unknown.length + report.skipped.length;
  return notDone === 0 ? 0 : 1;
}

/** What to do next, for the failures an operator can fix. */
function hintFor(report: UnassignReport): string | null {
  const kinds = new Set(report.errors.map((error) => error.kind));
  if (kinds.has("authentication")) {
    return "Check GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (which needs scope api:flows:write), and the base URL.";
  }
  if (kinds.has("rate_limit"))
    return "Gong's rate limit stopped the run: re-run later, or lower --rps (the limit is shared by every integration of the company).";
  if (kinds.has("connection"))
    return "Gong could not be reached: check the base URL and the network, then re-run (skipped ids are safe to re-send).";
  if (report.unknown.length > 0)
    return "Unknown ids may have been unassigned: re-running with the same --journal re-sends them and keeps them marked as in doubt.";
  return null;
}
