/** CPU time and memory around one benchmark leg. */
export interface Measurement {
  readonly label: string;
  readonly records: number;
  readonly seconds: number;
  readonly rate: number;
  readonly cpuMsPerThousand: number;
  readonly peakRssMiB: number;
}

export async function measure(label: string, records: number, run: () => Promise<void>): Promise<Measurement> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return {
    label,
    records,
    seconds,
    rate: records / seconds,
    cpuMsPerThousand: ((used.user + used.system) / 1000 / records) * 1000,
    peakRssMiB: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024),
  };
}

export function table(rows: readonly Measurement[]): string {
  const lines = [
    '| leg | records | seconds | records/s | CPU ms per 1k records | peak RSS MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.records} | ${r.seconds.toFixed(2)} | ${Math.round(r.rate).toLocaleString('en')} | ${r.cpuMsPerThousand.toFixed(1)} | ${r.peakRssMiB} |`,
    ),
  ];
  return lines.join('\n');
}
