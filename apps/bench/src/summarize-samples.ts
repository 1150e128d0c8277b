/** Order statistics of a list of samples (milliseconds unless stated otherwise). */
export interface SampleSummary {
  count: number;
  min: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** The value at quantile `q` (0–1) of already sorted samples, nearest-rank. */
export function readQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

/** The median of unsorted samples. */
export function computeMedian(samples: readonly number[]): number {
  return readQuantile(
    [...samples].sort((left, right) => left - right),
    0.5,
  );
}

/** Summarises samples: min, median, p90, p99, max and mean. */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  const sorted = [...samples].sort((left, right) => left - right);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: readQuantile(sorted, 0.5),
    p90: readQuantile(sorted, 0.9),
    p99: readQuantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
  };
}
