import type { LatencySummary } from './stats.ts';
import type { TrialResult } from './trial.ts';

/** One row of the results table: a leg's search and its two latency trials. */
export interface LegResult {
  readonly id: string;
  readonly label: string;
  /** records/s sustained (0 when none was); for (a) the tool's measured maximum. */
  readonly maxRate: number;
  readonly mbPerSecond: number;
  readonly at50?: (LatencySummary & { held: boolean }) | undefined;
  readonly at80?: (LatencySummary & { held: boolean }) | undefined;
  /** p99 at 10,000 records/s offered, when the leg sustains that. */
  readonly at10k?: LatencySummary | undefined;
  readonly cpuMsPerEvent: number;
  readonly cpuFrom?: string | undefined;
  readonly helperCpuMsPerEvent?: number | undefined;
  readonly peakRssMiB: number;
  readonly trials: readonly TrialResult[];
  readonly note?: string | undefined;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : Math.round(v).toString());
/** A latency cell; † when that trial did not hold its rate (noise: the figures are then queueing). */
const lat = (s: (LatencySummary & { held?: boolean }) | undefined) =>
  s === undefined || s.count === 0 ? '–' : `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.p999)}${s.held === false ? ' †' : ''}`;
const int = (v: number) => Math.round(v).toLocaleString('en');

export function resultsTable(rows: readonly LegResult[]): string {
  return [
    '| row | max sustainable events/s | MB/s in | p50 / p99 / p99.9 ms at 50 % | at 80 % | CPU ms/event (worker) | + helper | peak RSS MiB | rates tried (✓ held, ✗ not) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) =>
      [
        `**${r.id}** ${r.label}${r.note ? ` (${r.note})` : ''}`,
        int(r.maxRate),
        r.mbPerSecond.toFixed(1),
        lat(r.at50),
        lat(r.at80),
        Number.isNaN(r.cpuMsPerEvent) ? '–' : r.cpuMsPerEvent.toFixed(3),
        r.helperCpuMsPerEvent === undefined || Number.isNaN(r.helperCpuMsPerEvent) ? '–' : r.helperCpuMsPerEvent.toFixed(3),
        Math.round(r.peakRssMiB).toString(),
        r.trials.map((t) => `${int(t.rate)}${t.verdict.sustainable ? '✓' : '✗'}`).join(' '),
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ].join('\n');
}

export interface Goal {
  readonly goal: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

export function goalsFor(rows: readonly LegResult[]): Goal[] {
  const b = rows.find((r) => r.id === '(b)');
  const c = rows.find((r) => r.id === '(c)');
  const goals: Goal[] = [];
  for (const d of rows.filter((r) => r.id.startsWith('(d)'))) {
    goals.push({ goal: `${d.id}: events/s per instance`, target: '≥ 15,000 (stretch 25,000)', measured: int(d.maxRate), met: d.maxRate >= 15_000 });
    goals.push({
      goal: `${d.id}: p99 at 10,000 events/s offered`,
      target: '≤ 25 ms',
      measured: d.at10k ? `${ms(d.at10k.p99)} ms` : 'not sustained at 10,000/s',
      met: d.at10k ? d.at10k.p99 <= 25 : false,
    });
    if (b) goals.push({ goal: `${d.id} / (b) bare kafkajs, max rate`, target: '≥ 0.5', measured: ratio(d.maxRate, b.maxRate), met: b.maxRate > 0 ? d.maxRate / b.maxRate >= 0.5 : undefined });
    if (c) goals.push({ goal: `${d.id} / (c) naive NestJS, max rate`, target: '≥ 10', measured: ratio(d.maxRate, c.maxRate), met: c.maxRate > 0 ? d.maxRate / c.maxRate >= 10 : undefined });
  }
  return goals;
}

function ratio(a: number, b: number): string {
  return b > 0 ? (a / b).toFixed(2) : '–';
}

export function goalsTable(goals: readonly Goal[]): string {
  return [
    '| goal | target | measured | met |',
    '| --- | --- | ---: | --- |',
    ...goals.map((g) => `| ${g.goal} | ${g.target} | ${g.measured} | ${g.met === undefined ? '–' : g.met ? 'yes' : 'no'} |`),
  ].join('\n');
}
