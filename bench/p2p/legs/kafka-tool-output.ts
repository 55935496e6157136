import type { LatencySummary } from '../stats.ts';

/** Parsers of the Kafka performance tools' summaries (pure, unit-tested). */

export interface ProducerSummary {
  readonly records: number;
  readonly recordsPerSecond: number;
  readonly mbPerSecond: number;
  readonly latency: LatencySummary;
}

/** Parses ProducerPerformance's final line ("… records sent, … records/sec (… MB/sec), … ms 50th, … 99th, … 99.9th."). */
export function parseProducerSummary(output: string): ProducerSummary | undefined {
  const lines = output.split('\n').filter((l) => /records sent/.test(l) && /50th/.test(l));
  const last = lines[lines.length - 1];
  if (!last) return undefined;
  const num = (pattern: RegExp) => Number(pattern.exec(last)?.[1]);
  return {
    records: num(/^(\d+) records sent/),
    recordsPerSecond: num(/([\d.]+) records\/sec/),
    mbPerSecond: num(/\(([\d.]+) MB\/sec\)/),
    latency: {
      count: num(/^(\d+) records sent/),
      p50: num(/(\d+) ms 50th/),
      p99: num(/(\d+) ms 99th/),
      p999: num(/(\d+) ms 99\.9th/),
      max: num(/([\d.]+) ms max latency/),
    },
  };
}

/** Parses ConsumerPerformance's data line (after the header); fetch.* figures exclude the group join. */
export function parseConsumerSummary(output: string): { records: number; recordsPerSecond: number; mbPerSecond: number } | undefined {
  const lines = output.split('\n').map((l) => l.trim());
  const headerAt = lines.findIndex((l) => l.startsWith('start.time'));
  if (headerAt < 0) return undefined;
  const header = (lines[headerAt] as string).split(',').map((h) => h.trim());
  const data = lines.slice(headerAt + 1).find((l) => /^\d{4}-/.test(l));
  if (!data) return undefined;
  const fields = data.split(',').map((f) => f.trim());
  const get = (name: string) => Number(fields[header.indexOf(name)]);
  return { records: get('data.consumed.in.nMsg'), recordsPerSecond: get('fetch.nMsg.sec'), mbPerSecond: get('fetch.MB.sec') };
}
