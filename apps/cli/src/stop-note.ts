import type { UnassignReport } from "@gong-flows/client";

/**
 * What the operator is told on stderr when a limit stopped the run: which limit, when it lets requests through
 * again, and how to go on. `null` when no limit stopped it.
 */
export function stopNote(
  report: UnassignReport,
  run: { journal: boolean; dailyLimit: number | null; shared: boolean },
): string | null {
  const resume = run.journal
    ? "run the same command with the same --journal to go on: settled ids are not sent again."
    : "run the same command to go on (with --journal PATH a re-run sends only the ids not yet settled).";
  const latest = (kind: string) =>
    report.errors
      .filter((error) => error.kind === kind && error.resetsAt !== undefined)
      .map((error) => error.resetsAt as string)
      .sort()
      .at(-1);
  const daily = latest("daily_limit");
  if (daily) {
    const limit = run.dailyLimit === null ? "" : ` of ${run.dailyLimit} requests`;
    const where = run.shared ? " (shared through Redis)" : "";
    return `the daily request limit${limit} per UTC day${where} is spent; it resets at ${daily}. Then ${resume}`;
  }
  const quota = latest("rate_limit");
  if (quota) return `Gong's request limit holds every request until ${quota}. After that, ${resume}`;
  if (report.errors.some((error) => error.kind === "limiter")) {
    return `the shared rate limiter failed (Redis lost?), so the run stopped. Once it is back, ${resume}`;
  }
  return null;
}
