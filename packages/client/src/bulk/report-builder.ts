import type { Outcome, UnassignReport } from "./report.js";

/** What a report says besides its lists. */
export type ReportCounts = Pick<UnassignReport, "duplicates" | "requests" | "requestIds" | "errors">;

/**
 * The one report builder: each id of `ids` (unique, in input order) goes to the list `outcomeOf` names, or to
 * `skipped` when it names none. The client's run and the CLI's journal merge both build their reports here.
 */
export function buildReport(
  ids: Iterable<string>,
  outcomeOf: (id: string) => Outcome | undefined,
  counts: ReportCounts,
): UnassignReport {
  const report: UnassignReport = {
    unassigned: [],
    notUnassigned: [],
    rejected: [],
    unknown: [],
    skipped: [],
    duplicates: counts.duplicates,
    requests: counts.requests,
    requestIds: [...counts.requestIds],
    errors: [...counts.errors],
  };
  for (const id of ids) report[outcomeOf(id) ?? "skipped"].push(id);
  return report;
}
