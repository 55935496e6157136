/**
 * `npm run bench` (bench/run.sh runs this after building and checking the stack): on the same
 * local broker, in one run —
 *   (a) the raw broker: Kafka's ProducerPerformance and ConsumerPerformance;
 *   (b) a bare kafkajs consume → Avro decode → Avro encode → produce loop;
 *   (c) a naive NestJS @EventPattern handler (@nestjs/microservices Kafka transport) doing the same
 *       work one message at a time with an awaited Redis call and an awaited send;
 *   (d) the Procurelink services' real paths, as the real app processes with the ERP sandbox.
 * For each: the maximum sustainable rate (fixed-rate trials, bounded backlog over the window,
 * doubling then bisection), p50/p99/p99.9 end-to-end latency at 50 % and 80 % of it, CPU per event
 * and peak RSS of the process doing the work. See bench/README.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { registerAvroInput, startAvroLeg } from './p2p/legs/avro-legs.ts';
import { endpoints } from './p2p/infra.ts';
import { goalsFor, goalsTable, resultsTable, type LegResult } from './p2p/report.ts';
import { searchLeg, type LegDefinition, type LegPlan } from './p2p/search-leg.ts';

const ALL_LEGS = ['a', 'b', 'c', 'po-sync', 'invoice-sync'];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    window: { type: 'string' },
    warmup: { type: 'string' },
    legs: { type: 'string', default: ALL_LEGS.join(',') },
    'start-rate': { type: 'string' },
    'max-rate': { type: 'string', default: '100000' },
    'max-trials': { type: 'string' },
    precision: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
    'alloc-profile': { type: 'string' },
    'apps-root': { type: 'string' },
    rates: { type: 'string' },
    'service-env': { type: 'string', multiple: true },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`usage: npm run bench -- [--quick] [--window 60] [--warmup 10] [--legs ${ALL_LEGS.join(',')}]
       [--start-rate N] [--max-rate 100000] [--max-trials N] [--precision 0.1] [--out results.md]
       [--profile DIR]     (service processes of (d) write V8 CPU profiles into DIR; see bench/profile-top.ts)
       [--alloc-profile DIR] (… or sampled allocation profiles, freed objects included; see bench/alloc-top.ts)
       [--rates 300,300]   (offer exactly these rates, no search and no latency trials)
       [--service-env NAME=VALUE]…  (extra environment for the (d) service processes, e.g. OTEL_SDK_DISABLED=true)
       [--apps-root DIR]   (run DIR/apps/<app>/dist/main.js instead of the checkout's build: A/B comparisons)`);
  process.exit(0);
}

const quick = values.quick;
const windowSeconds = Number(values.window ?? (quick ? 5 : 60));
const warmupSeconds = Number(values.warmup ?? (quick ? 2 : 10));
const legs = values.legs.split(',').map((l) => l.trim());
for (const leg of legs) if (!ALL_LEGS.includes(leg)) throw new Error(`--legs: unknown leg ${leg} (known: ${ALL_LEGS.join(', ')})`);
const stack = endpoints();
const run = randomUUID().slice(0, 6);
const kafka = new Kafka({ clientId: `bench-${run}`, brokers: stack.brokers, logLevel: logLevel.NOTHING });

function plan(startRate: number): LegPlan {
  return {
    search: {
      startRate: Number(values['start-rate'] ?? startRate),
      maxRate: Number(values['max-rate']),
      minRate: 50,
      precision: Number(values.precision ?? (quick ? 0.3 : 0.1)),
      maxTrials: Number(values['max-trials'] ?? (quick ? 4 : 9)),
    },
    trial: { warmupSeconds, windowSeconds, drainSeconds: quick ? 5 : 15, primeRecords: 20, primeTimeoutSeconds: 90 },
    tenThousand: true,
    fixedRates: values.rates?.split(',').map(Number),
  };
}

async function main(): Promise<void> {
  const started = new Date();
  process.stderr.write(`bench run ${run}: legs ${legs.join(', ')}; window ${windowSeconds} s, warm-up ${warmupSeconds} s${quick ? ' (quick)' : ''}\n`);
  const rows: LegResult[] = [];
  if (legs.includes('a')) {
    const { rawBroker } = await import('./p2p/legs/raw-broker.ts');
    rows.push(await rawBroker(kafka, { seconds: windowSeconds, run, log: (line) => process.stderr.write(`${line}\n`) }));
  }
  const avro = legs.includes('b') || legs.includes('c') ? await registerAvroInput(stack.registryUrl, run) : undefined;
  const definitions: Array<{ leg: LegDefinition; startRate: number }> = [];
  if (avro && legs.includes('b')) {
    definitions.push({ leg: { id: '(b)', label: 'bare kafkajs: consume → Avro decode → encode → produce', start: (i) => startAvroLeg(kafka, stack, avro, 'bare', i) }, startRate: 4000 });
  }
  if (avro && legs.includes('c')) {
    definitions.push({ leg: { id: '(c)', label: 'naive NestJS @EventPattern: decode, await Redis, encode, await send', start: (i) => startAvroLeg(kafka, stack, avro, 'nest', i) }, startRate: 500 });
  }
  const services = legs.filter((l) => l === 'po-sync' || l === 'invoice-sync');
  const serviceSet = services.length > 0 ? await (await import('./p2p/legs/service-legs.ts')).serviceLegs(kafka, stack, services, { nodeArgs: profileArgs(), serviceEnv: serviceEnv(), ...(values['apps-root'] ? { appsRoot: resolve(values['apps-root']) } : {}) }) : undefined;
  for (const leg of serviceSet?.legs ?? []) definitions.push({ leg, startRate: 1000 });
  try {
    for (const { leg, startRate } of definitions) rows.push(await searchLeg(kafka, leg, plan(startRate), run));
  } finally {
    await serviceSet?.stop();
  }
  const finished = new Date();
  const lines = [
    `## Procurelink benchmark, run ${run}`,
    '',
    `${started.toISOString()} → ${finished.toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ` +
      `measuring window ${windowSeconds} s after ${warmupSeconds} s warm-up${quick ? ' (--quick: a smoke run, not figures to quote)' : ''}; load average at the end ${loadAverage()}.`,
    '',
    resultsTable(rows),
    '',
    goalsTable(goalsFor(rows)),
    '',
    '† the latency trial at that rate did not hold it (the machine was busier than during the search): its figures include queueing.',
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  if (values.out) writeFileSync(values.out, `${text}\n`);
}

/** --service-env NAME=VALUE (repeatable): extra environment for the service processes of (d). */
function serviceEnv(): Record<string, string> {
  const env: Record<string, string> = Object.fromEntries(
    (values['service-env'] ?? []).map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`--service-env ${pair}: expected NAME=VALUE`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  // --alloc-profile <dir>: where the preloaded allocation sampler (profileArgs) writes.
  if (values['alloc-profile']) {
    const dir = resolve(values['alloc-profile']);
    mkdirSync(dir, { recursive: true });
    env['PROCURELINK_ALLOC_PROFILE_DIR'] = dir;
  }
  return env;
}

/** --profile <dir>: V8 CPU profiles (bench/profile-top.ts); --alloc-profile <dir>: the allocation sampler preloaded (bench/alloc-top.ts). */
function profileArgs(): string[] {
  const cpu = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
  const alloc = values['alloc-profile'] ? ['--require', fileURLToPath(new URL('./p2p/alloc-sampler.cjs', import.meta.url))] : [];
  return [...cpu, ...alloc];
}

function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
