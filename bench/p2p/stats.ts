/** Latency percentiles over one measuring window; pure, so they can be checked without a broker. */

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/**
 * The nearest-rank percentile (p in 0..100) of values sorted ascending: the smallest value with at
 * least p % of the values at or below it. NaN when there are no values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  // The small tolerance keeps 99.9 % of 1000 at rank 999 despite binary floating point.
  const rank = Math.max(1, Math.ceil((p / 100) * n - 1e-9));
  return sorted[rank - 1] as number;
}

/** Sorts a copy of the first `count` values and reads p50, p99, p99.9 and the maximum. */
export function summarise(values: Float64Array, count: number = values.length): LatencySummary {
  const sorted = values.slice(0, count).sort();
  return {
    count,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: count === 0 ? Number.NaN : (sorted[count - 1] as number),
  };
}

/** A growable list of numbers in a Float64Array (millions of latencies without boxing). */
export class NumberLog {
  private values: Float64Array;
  length = 0;

  constructor(initialCapacity = 1 << 16) {
    this.values = new Float64Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  summary(): LatencySummary {
    return summarise(this.values, this.length);
  }
}
