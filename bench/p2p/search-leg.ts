import type { Kafka } from 'kafkajs';
import { bracket, nextRate, type SearchOptions } from './rate-search.ts';
import type { LegResult } from './report.ts';
import { runTrial, type Subject, type TrialOptions, type TrialResult } from './trial.ts';

export interface LegDefinition {
  readonly id: string;
  readonly label: string;
  /** A fresh instance: its own topics, consumer group, Redis keys and processes. */
  start(instance: string): Promise<Subject>;
  /** Between trials (e.g. empty the ERP sandbox's ledger). */
  betweenTrials?(): Promise<void>;
  readonly note?: string;
}

export interface LegPlan {
  readonly search: SearchOptions;
  readonly trial: Omit<TrialOptions, 'rate'>;
  /** Also offer 10,000 records/s when the leg sustains it (the p99 goal of the services). */
  readonly tenThousand: boolean;
  /** Offer exactly these rates instead of searching (no latency trials): A/B comparisons at a fixed load. */
  readonly fixedRates?: readonly number[] | undefined;
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

function describe(r: TrialResult): string {
  const l = r.latency;
  return `${Math.round(r.rate)}/s offered ${Math.round(r.offeredRate)}/s → ${r.verdict.sustainable ? 'held' : 'NOT held'} (${r.verdict.reason}; max backlog ${r.verdict.maxBacklog}/${r.verdict.bound}) p50 ${l.p50.toFixed(1)} p99 ${l.p99.toFixed(1)} p99.9 ${l.p999.toFixed(1)} ms, missing ${r.missing}, cpu ${r.cpuMsPerEvent.toFixed(3)} ms/ev, rss ${Math.round(r.peakRssMiB)} MiB`;
}

/** Runs the rate search of one leg, then its latency trials at 50 % and 80 % of the rate found. */
export async function searchLeg(kafka: Kafka, leg: LegDefinition, plan: LegPlan, run: string): Promise<LegResult> {
  let instances = 0;
  let inputBytes = 0;
  const trial = async (rate: number): Promise<TrialResult> => {
    await leg.betweenTrials?.();
    const instance = `${run}-${leg.id.replace(/[^a-z0-9]/gi, '')}${++instances}`;
    const subject = await leg.start(instance);
    try {
      inputBytes = (subject.record('size', 0).value as Buffer).length;
      const result = await runTrial(kafka, subject, `T${instance.replace(/[^A-Za-z0-9]/g, '')}`, { ...plan.trial, rate });
      log(`${leg.id} ${describe(result)}`);
      return result;
    } finally {
      await subject.stop();
    }
  };
  const trials: TrialResult[] = [];
  const judged = () => trials.map((t) => ({ rate: t.rate, sustainable: t.verdict.sustainable }));
  if (plan.fixedRates) {
    for (const rate of plan.fixedRates) trials.push(await trial(rate));
  } else {
    for (let rate = nextRate(judged(), plan.search); rate !== undefined; rate = nextRate(judged(), plan.search)) {
      trials.push(await trial(rate));
    }
  }
  const { best } = bracket(judged());
  const latencyTrials: TrialResult[] = [];
  let at50: TrialResult | undefined;
  let at80: TrialResult | undefined;
  let at10k: TrialResult | undefined;
  if (best > 0 && !plan.fixedRates) {
    at50 = await trial(Math.max(1, Math.round(best * 0.5)));
    at80 = await trial(Math.max(1, Math.round(best * 0.8)));
    latencyTrials.push(at50, at80);
    if (plan.tenThousand && best >= 10_000) {
      at10k = await trial(10_000);
      latencyTrials.push(at10k);
    }
  }
  const held = [...trials, ...latencyTrials].filter((t) => t.verdict.sustainable);
  const atBest = trials.find((t) => t.rate === best && t.verdict.sustainable);
  return {
    id: leg.id,
    label: leg.label,
    maxRate: best,
    mbPerSecond: (best * inputBytes) / 1e6,
    at50: at50 && { ...at50.latency, held: at50.verdict.sustainable },
    at80: at80 && { ...at80.latency, held: at80.verdict.sustainable },
    at10k: at10k?.verdict.sustainable ? at10k.latency : undefined,
    cpuMsPerEvent: at80?.cpuMsPerEvent ?? atBest?.cpuMsPerEvent ?? Number.NaN,
    cpuFrom: at80 ? 'the 80 % trial' : atBest ? 'the best held trial' : 'no trial',
    helperCpuMsPerEvent: at80?.helperCpuMsPerEvent ?? atBest?.helperCpuMsPerEvent,
    peakRssMiB: held.reduce((max, t) => Math.max(max, t.peakRssMiB), 0),
    trials,
    note: leg.note,
  };
}
