/** The unique ids in first-occurrence order, how many extra occurrences were dropped, and the batches. */
export interface BatchPlan {
  readonly ids: readonly string[];
  readonly duplicates: number;
  readonly batches: readonly (readonly string[])[];
}

/** Drops duplicates and cuts the rest into the fewest batches of at most `batchSize`. */
export function planBatches(ids: readonly string[], batchSize: number): BatchPlan {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += batchSize) {
    batches.push(unique.slice(start, start + batchSize));
  }
  return { ids: unique, duplicates: ids.length - unique.length, batches };
}

/** Halves for isolating a refused id; the left half takes the extra id of an odd count. */
export function splitInHalves<T>(items: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}
