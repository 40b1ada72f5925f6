import { OUTCOMES, type Outcome, type UnassignReport } from "@gong-flows/client";
import { buildReport } from "@gong-flows/client/node";

/**
 * The report of the whole job: ids settled by earlier runs (from the journal) and by this run, each list in input
 * order, built by the client's own report builder. `requests`, `requestIds`, `errors` and `duplicates` describe
 * this run only.
 */
export function mergeReports(
  ids: readonly string[],
  fromJournal: ReadonlyMap<string, Outcome>,
  thisRun: UnassignReport,
  duplicates: number,
): UnassignReport {
  const thisRunOutcome = new Map<string, Outcome>();
  for (const list of OUTCOMES) for (const id of thisRun[list]) thisRunOutcome.set(id, list);
  return buildReport(ids, (id) => thisRunOutcome.get(id) ?? fromJournal.get(id), { ...thisRun, duplicates });
}

/** The report of a run that had nothing left to send. */
export function emptyRun(): UnassignReport {
  return buildReport([], () => undefined, { duplicates: 0, requests: 0, requestIds: [], errors: [] });
}
