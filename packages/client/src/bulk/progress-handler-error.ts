import type { UnassignReport } from "./report.js";

/**
 * The caller's `onProgress` threw, so the bulk call stopped: the attempt whose `sending` event threw was not sent,
 * nothing more was sent, requests in flight finished and were classified. `report` accounts for every id as usual
 * (ids never sent `skipped`, ids in doubt `unknown`); `cause` is what the handler threw.
 */
export class ProgressHandlerError extends Error {
  override name = "ProgressHandlerError";
  readonly report: UnassignReport;

  constructor(cause: unknown, report: UnassignReport) {
    const said = cause instanceof Error ? cause.message : String(cause);
    super(`onProgress threw, so the run stopped: ${said}`, { cause });
    this.report = report;
  }
}
