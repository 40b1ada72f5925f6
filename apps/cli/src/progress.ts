import type { ProgressEvent } from "@gong-flows/client";
import { count } from "./count.js";

/** Batches started before the measured pace is trusted over the planned one. */
const MEASURED_AFTER_BATCHES = 5;

/**
 * A one-line progress display on a terminal: batches started, ids settled, rate and ETA. Requests beyond the plan
 * (re-sends and lookups that isolate refused ids) are shown as such: while they run, the line says the run is
 * isolating refused ids instead of a finished-looking "ETA 0s".
 */
export function createProgressLine(
  stream: { write(text: string): unknown },
  plan: { ids: number; batches: number; requestsPerSecond: number },
  now: () => number = () => performance.now(),
) {
  const startedAt = now();
  let firstAttempts = 0;
  let requests = 0;
  let settled = 0;
  let lastDrawn = 0;

  const draw = (force = false) => {
    const elapsed = (now() - startedAt) / 1000;
    if (!force && now() - lastDrawn < 100) return;
    lastDrawn = now();
    const rate = elapsed > 0 ? requests / elapsed : 0;
    const batchesStarted = Math.min(plan.batches, firstAttempts);
    const extra = firstAttempts - batchesStarted;
    // Floor, so 100 % means every id settled, never "almost".
    const percent = plan.ids === 0 ? 100 : Math.floor((settled / plan.ids) * 100);
    const done = settled >= plan.ids;
    const isolating = extra > 0 ? ` · isolating refused ids (${count(extra, "extra request")})` : "";
    const remainingBatches = plan.batches - batchesStarted;
    // The planned rate is a ceiling: 429 pauses, slow answers and other sharers of a Redis limiter pull the run
    // below it, so once a few batches have started, their measured pace counts when it is slower.
    const measured =
      batchesStarted >= MEASURED_AFTER_BATCHES && elapsed > 0 ? batchesStarted / elapsed : Infinity;
    const pace = Math.min(plan.requestsPerSecond, measured);
    const eta =
      done || remainingBatches > 0
        ? `ETA ${formatSeconds(remainingBatches / pace)}`
        : "ETA: finishing the last requests";
    stream.write(
      `\r\x1b[2Kbatches ${batchesStarted}/${plan.batches}${isolating} · ids settled ${settled}/${plan.ids} ` +
        `(${percent}%) · ${rate.toFixed(1)} req/s · ${eta}`,
    );
  };

  return {
    onProgress(event: ProgressEvent) {
      if (event.type === "sending") {
        requests++;
        if (event.attempt === 1) firstAttempts++;
      } else if (event.type === "settled") {
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

/** Whole seconds, rounded up first so that 119.5 s reads 2m0s, never 1m60s. */
export function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  return minutes < 60 ? `${minutes}m${whole % 60}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
