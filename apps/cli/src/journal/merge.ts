import { OUTCOMES, type Outcome, type UnassignReport } from "@gong-flows/client";

/**
 * The report of the whole job: ids settled by earlier runs (from the journal) and by this run, each list in input
 * order. `requests`, `requestIds`, `errors` and `duplicates` describe this run only.
 */
export function mergeReports(
  ids: readonly string[],
  fromJournal: ReadonlyMap<string, Outcome>,
  thisRun: UnassignReport,
  duplicates: number,
): UnassignReport {
  const outcomeOf = new Map<string, Outcome>(fromJournal);
  for (const list of OUTCOMES) for (const id of thisRun[list]) outcomeOf.set(id, list);
  const merged: UnassignReport = {
    unassigned: [],
    notUnassigned: [],
    rejected: [],
    unknown: [],
    skipped: [],
    duplicates,
    requests: thisRun.requests,
    requestIds: thisRun.requestIds,
    errors: thisRun.errors,
  };
  for (const id of ids) merged[outcomeOf.get(id) ?? "skipped"].push(id);
  return merged;
}

/** The report of a run that had nothing left to send. */
export const EMPTY_RUN: UnassignReport = {
  unassigned: [],
  notUnassigned: [],
  rejected: [],
  unknown: [],
  skipped: [],
  duplicates: 0,
  requests: 0,
  requestIds: [],
  errors: [],
};
