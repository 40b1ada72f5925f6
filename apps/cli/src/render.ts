import type { UnassignReport } from "@gong-flows/client";
import { count } from "./count.js";
import { printable } from "./printable.js";

const LISTS = [
  ["unassigned", "unassigned"],
  ["notUnassigned", "not unassigned (still assigned)"],
  ["rejected", "rejected by Gong"],
  ["unknown", "unknown (may have been processed: check)"],
  ["skipped", "skipped (not acted on: safe to re-run)"],
] as const;

const MAX_IDS_SHOWN = 50;

/** How the run ended, as far as the summary's advice depends on it. */
export interface RunEnding {
  /** The operator stopped the run (Ctrl-C, SIGTERM). */
  readonly stopped: boolean;
}

/** The human summary: counts per list, the ids that were not unassigned, and the failed requests. */
export function renderSummary(report: UnassignReport, ending: RunEnding = { stopped: false }): string {
  const total = LISTS.reduce((sum, [list]) => sum + report[list].length, 0);
  const lines = [
    `Unassigned ${report.unassigned.length} of ${total} flow instances in ${count(report.requests, "request")}.`,
  ];
  for (const [list, label] of LISTS) lines.push(`  ${String(report[list].length).padStart(7)}  ${label}`);
  if (report.duplicates > 0) lines.push(`  ${String(report.duplicates).padStart(7)}  duplicates dropped`);
  for (const [list, label] of LISTS.slice(1)) {
    const ids = report[list];
    if (ids.length === 0) continue;
    lines.push("", `${label[0]?.toUpperCase()}${label.slice(1)}:`);
    for (const id of ids.slice(0, MAX_IDS_SHOWN)) lines.push(`  ${printable(id)}`);
    if (ids.length > MAX_IDS_SHOWN)
      lines.push(`  … and ${ids.length - MAX_IDS_SHOWN} more (--json lists all)`);
  }
  if (report.errors.length > 0) {
    lines.push("", "Failed requests (what became of their ids is in the lists above):");
    for (const line of renderErrors(report.errors)) lines.push(line);
  }
  for (const hint of hintsFor(report, ending)) lines.push("", hint);
  return `${lines.join("\n")}\n`;
}

const MAX_REQUEST_IDS_SHOWN = 5;
const MAX_MESSAGE_SHOWN = 500;

/** What Gong sent, escaped for the terminal and cut to a size that cannot flood it. */
function shortened(text: string): string {
  const safe = printable(text);
  return safe.length > MAX_MESSAGE_SHOWN ? `${safe.slice(0, MAX_MESSAGE_SHOWN)}…` : safe;
}

/** Failed requests grouped by what went wrong, so 30 isolation splits read as one line with their request ids. */
function renderErrors(errors: UnassignReport["errors"]): string[] {
  const groups = new Map<
    string,
    { requests: number; ids: Set<string>; requestIds: string[]; line: string }
  >();
  for (const error of errors) {
    const status = error.status === null ? "no answer" : `HTTP ${error.status}`;
    const said = error.messages.length > 0 ? `: ${error.messages.map(shortened).join("; ")}` : "";
    const line = `${status} ${error.kind}${said}`;
    const group = groups.get(line) ?? { requests: 0, ids: new Set<string>(), requestIds: [], line };
    group.requests++;
    // Isolation reports a refused batch and then its parts: count each id once.
    for (const id of error.flowInstanceIds) group.ids.add(id);
    if (error.requestId) group.requestIds.push(shortened(error.requestId));
    groups.set(line, group);
  }
  return [...groups.values()].map((group) => {
    const shown = group.requestIds.slice(0, MAX_REQUEST_IDS_SHOWN).join(", ");
    const more =
      group.requestIds.length > MAX_REQUEST_IDS_SHOWN
        ? ` and ${group.requestIds.length - MAX_REQUEST_IDS_SHOWN} more`
        : "";
    const refs = shown ? ` (requestId ${shown}${more})` : "";
    // The ids a failed request carried are not failed ids: isolation re-sends them, and the lists above say what
    // became of each one.
    const ids = group.ids.size === 1 ? "1 id" : `${group.ids.size} ids`;
    const carrying =
      group.requests === 1
        ? `1 request carrying ${ids}`
        : `${group.requests} requests carrying ${ids} between them`;
    return `  ${group.line} — ${carrying}${refs}`;
  });
}

/** Exit code of a finished run: 0 only when every id is unassigned. */
export function exitCodeOf(report: UnassignReport): 0 | 1 {
  const notDone =
    report.notUnassigned.length + report.rejected.length + report.unknown.length + report.skipped.length;
  return notDone === 0 ? 0 : 1;
}

/** What to do next, for the failures an operator can fix. */
function hintsFor(report: UnassignReport, ending: RunEnding): string[] {
  const kinds = new Set(report.errors.map((error) => error.kind));
  const hints: string[] = [];
  if (ending.stopped) {
    hints.push(
      "You stopped the run: nothing more was sent after the requests in flight. Re-run the same command (with the " +
        "same --journal, only the unsettled ids are sent) to finish the job.",
    );
  }
  const refusal = report.errors.find((error) => error.kind === "authentication");
  if (refusal) {
    // The client's sentence says what Gong refused (for a Bearer 403: the missing api:flows:write scope).
    hints.push(
      `${shortened(refusal.message)}. Check GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN, and the base URL.`,
    );
  }
  if (kinds.has("rate_limit")) {
    hints.push(
      "Gong's rate limit stopped the run: re-run later, or lower --rps (the limit is shared by every integration of the company).",
    );
  }
  if (kinds.has("connection"))
    hints.push("Gong could not be reached: check the base URL and the network, then re-run.");
  const stopped = ["authentication", "rate_limit", "connection", "http"].some((kind) =>
    kinds.has(kind as never),
  );
  if (kinds.has("bad_request") && report.skipped.length > 0 && !stopped && !ending.stopped) {
    hints.push(
      "Gong refused whole batches because of ids it does not know, and the run's budget for finding them ran out. " +
        "Re-run (with the same --journal only the unsettled ids are sent), or raise --max-isolation-requests.",
    );
  }
  if (report.skipped.length > 0)
    hints.push(`The ${report.skipped.length} skipped ids were not acted on: re-sending them is safe.`);
  if (report.unknown.length > 0) {
    hints.push(
      "Unknown ids may have been unassigned: re-running with the same --journal re-sends them and keeps them marked as in doubt.",
    );
  }
  return hints;
}
