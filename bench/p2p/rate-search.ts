/**
 * The maximum sustainable rate: offer load at fixed rates, judge each trial (did the backlog stay
 * bounded over the measuring window?), and choose the next rate — doubling until a rate fails,
 * then bisecting between the best sustained and the lowest failed rate. Pure functions only.
 */

export interface Trial {
  readonly rate: number;
  readonly sustainable: boolean;
}

export interface SearchOptions {
  /** The first rate offered (records/s). */
  readonly startRate: number;
  /** Rates are never offered above this. */
  readonly maxRate: number;
  /** Nor below this; a failure here ends the search with nothing sustained. */
  readonly minRate: number;
  /** Stop when the lowest failed rate is within this fraction of the best sustained one (0.1 = 10 %). */
  readonly precision: number;
  /** At most this many trials in all. */
  readonly maxTrials: number;
}

/** The best sustained rate so far (0 when none) and the lowest failed rate above it (undefined when none). */
export function bracket(trials: readonly Trial[]): { best: number; failedAbove: number | undefined } {
  const best = trials.filter((t) => t.sustainable).reduce((max, t) => Math.max(max, t.rate), 0);
  const failed = trials.filter((t) => !t.sustainable && t.rate > best).map((t) => t.rate);
  return { best, failedAbove: failed.length > 0 ? Math.min(...failed) : undefined };
}

/** The next rate to offer, or undefined when the search is over. Rates are whole records/s. */
export function nextRate(trials: readonly Trial[], options: SearchOptions): number | undefined {
  if (trials.length === 0) return Math.min(options.maxRate, Math.max(options.minRate, Math.round(options.startRate)));
  if (trials.length >= options.maxTrials) return undefined;
  const { best, failedAbove } = bracket(trials);
  if (failedAbove === undefined) {
    if (best >= options.maxRate) return undefined;
    return Math.min(options.maxRate, Math.round(best * 2));
  }
  if (best === 0) {
    if (failedAbove <= options.minRate) return undefined;
    return Math.max(options.minRate, Math.round(failedAbove / 2));
  }
  if (failedAbove <= best * (1 + options.precision)) return undefined;
  const next = Math.round((best + failedAbove) / 2);
  return next === best || next === failedAbove ? undefined : next;
}

export interface BacklogSample {
  /** Seconds since the measuring window opened. */
  readonly t: number;
  /** Records offered so far minus records that came out (this trial's records only). */
  readonly backlog: number;
}

export interface Verdict {
  readonly sustainable: boolean;
  readonly reason: string;
  /** Records the backlog may hold: `boundSeconds` of the rate, at least `minBound`. */
  readonly bound: number;
  readonly maxBacklog: number;
  /** Least-squares slope of the backlog over the window, records/s. */
  readonly slope: number;
}

export interface VerdictOptions {
  readonly boundSeconds: number;
  readonly minBound: number;
  /** The offered rate must reach this fraction of the target, or the generator was the limit. */
  readonly minOfferedFraction: number;
}

export const DEFAULT_VERDICT: VerdictOptions = { boundSeconds: 2, minBound: 500, minOfferedFraction: 0.95 };

/** Least-squares slope of backlog over time (0 with fewer than two samples). */
export function slopeOf(samples: readonly BacklogSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanT = samples.reduce((s, x) => s + x.t, 0) / n;
  const meanB = samples.reduce((s, x) => s + x.backlog, 0) / n;
  let num = 0;
  let den = 0;
  for (const x of samples) {
    num += (x.t - meanT) * (x.backlog - meanB);
    den += (x.t - meanT) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * A rate is sustainable when, over the whole measuring window, the backlog never exceeds the bound
 * and is not trending up (the trend over the window adds less than half the bound), and the load
 * generator really offered the rate.
 */
export function judge(rate: number, offeredRate: number, samples: readonly BacklogSample[], options: VerdictOptions = DEFAULT_VERDICT): Verdict {
  const bound = Math.max(options.minBound, Math.round(rate * options.boundSeconds));
  const maxBacklog = samples.reduce((max, s) => Math.max(max, s.backlog), 0);
  const slope = slopeOf(samples);
  const span = samples.length > 0 ? (samples[samples.length - 1] as BacklogSample).t - (samples[0] as BacklogSample).t : 0;
  const base = { bound, maxBacklog, slope };
  if (offeredRate < rate * options.minOfferedFraction) {
    return { ...base, sustainable: false, reason: `the generator offered only ${Math.round(offeredRate)}/s` };
  }
  if (maxBacklog > bound) return { ...base, sustainable: false, reason: `backlog reached ${maxBacklog} > bound ${bound}` };
  if (slope * span > bound / 2) return { ...base, sustainable: false, reason: `backlog grows ${Math.round(slope)}/s` };
  return { ...base, sustainable: true, reason: 'backlog bounded' };
}
