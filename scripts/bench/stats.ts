/** Statistics of a benchmark's samples: percentiles, and the summary its results tables show. */

/** The p-th percentile (0-100) by linear interpolation between the closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lo = sorted[low] ?? Number.NaN;
  const hi = sorted[high] ?? Number.NaN;
  return lo + (hi - lo) * (rank - low);
}

export interface Stats {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  samples: number[];
}

export function stats(samples: readonly number[]): Stats {
  return {
    n: samples.length,
    min: Math.min(...samples),
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    samples: [...samples],
  };
}

/** The arithmetic mean (0 for no values). */
export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/** The slope of the least-squares line through the points (0 for fewer than two distinct x). */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
