import type { ProgressEvent } from "@gong-flows/client";

/** A one-line progress display on a terminal: batches started, ids settled, rate and ETA. */
export function createProgressLine(
  stream: { write(text: string): unknown },
  plan: { ids: number; batches: number; requestsPerSecond: number },
  now: () => number = () => performance.now(),
) {
  const startedAt = now();
  let batchesStarted = 0;
  let requests = 0;
  let settled = 0;
  let lastDrawn = 0;

  const draw = (force = false) => {
    const elapsed = (now() - startedAt) / 1000;
    if (!force && now() - lastDrawn < 100) return;
    lastDrawn = now();
    const rate = elapsed > 0 ? requests / elapsed : 0;
    const remainingBatches = Math.max(0, plan.batches - batchesStarted);
    const eta = remainingBatches / plan.requestsPerSecond;
    const percent = plan.ids === 0 ? 100 : Math.floor((settled / plan.ids) * 100);
    stream.write(
      `\r\x1b[2Kbatches ${batchesStarted}/${plan.batches} · ids settled ${settled}/${plan.ids} (${percent}%) · ` +
        `${rate.toFixed(1)} req/s · ETA ${formatSeconds(eta)}`,
    );
  };

  return {
    onProgress(event: ProgressEvent) {
      if (event.type === "sending") {
        requests++;
        if (event.attempt === 1) batchesStarted = Math.min(plan.batches, batchesStarted + 1);
      } else {
        settled = event.settled;
      }
      draw();
    },
    finish() {
      draw(true);
      stream.write("\n");
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${Math.ceil(seconds % 60)}s`
    : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
