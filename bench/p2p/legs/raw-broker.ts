import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { kafkaClasspath } from '../../../tools/stack/downloads.ts';
import { parseStackConfig } from '../../../tools/stack/config.ts';
import { findJdks, requireJdk } from '../../../tools/stack/java.ts';
import { createTopics, deleteTopics, root } from '../infra.ts';
import { cpuOf, rssMiB } from '../proc.ts';
import type { LegResult } from '../report.ts';
import { parseConsumerSummary, parseProducerSummary } from './kafka-tool-output.ts';

/**
 * Leg (a), the raw broker: Kafka's own ProducerPerformance (unthrottled for the maximum, then
 * throttled to 50 % and 80 % of it for latency — the tool's produce→ack latency) and
 * ConsumerPerformance reading the records back, with the stack's classpath (tools/stack/pom.xml
 * includes kafka-tools). CPU per record and RSS are the broker's (.stack/kafka/kafka.pid).
 */
const RECORD_SIZE = 300; // bytes, about the Avro PO record of legs (b) and (c)

function runJava(java: string, classpath: string, main: string, args: readonly string[]): Promise<{ output: string; pid: number; done: Promise<number | null> }> {
  const child = spawn(java, ['-Xmx512m', '-cp', classpath, main, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return Promise.resolve({
    get output() {
      return output;
    },
    pid: child.pid as number,
    done,
  });
}

function brokerPid(): number | undefined {
  const file = join(root, '.stack', 'kafka', 'kafka.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && existsSync(`/proc/${pid}`) ? pid : undefined;
}

export async function rawBroker(kafka: Kafka, options: { seconds: number; run: string; log: (line: string) => void }): Promise<LegResult> {
  const config = parseStackConfig(process.env, root);
  const classpath = kafkaClasspath(config);
  const { java } = requireJdk(findJdks(process.env), 17, 'the raw broker leg (Kafka tools)');
  const bootstrap = `${config.host}:${config.kafka.port}`;
  const props = [`bootstrap.servers=${bootstrap}`, 'acks=all', 'linger.ms=5', 'batch.size=65536'];
  const broker = brokerPid();
  const prefix = `bench.p2p.${options.run}.raw.`;

  const produce = async (topic: string, records: number, throughput: number) => {
    await createTopics(kafka, [topic]);
    const brokerCpu = broker ? cpuOf([broker]) : () => Number.NaN;
    const tool = await runJava(java, classpath, 'org.apache.kafka.tools.ProducerPerformance', [
      '--topic', topic, '--num-records', String(records), '--record-size', String(RECORD_SIZE), '--throughput', String(throughput), '--producer-props', ...props,
    ]);
    const code = await tool.done;
    const summary = parseProducerSummary(tool.output);
    if (code !== 0 || !summary) throw new Error(`ProducerPerformance failed (exit ${code}):\n${tool.output.slice(-2000)}`);
    options.log(`(a) ProducerPerformance ${throughput < 0 ? 'unthrottled' : `at ${throughput}/s`}: ${Math.round(summary.recordsPerSecond)} records/s, ${summary.mbPerSecond} MB/s, p50 ${summary.latency.p50} p99 ${summary.latency.p99} p99.9 ${summary.latency.p999} ms (ack)`);
    return { summary, brokerCpuMs: brokerCpu() };
  };

  try {
    const maxTopic = `${prefix}max`;
    const maxRecords = Math.max(100_000, options.seconds * 50_000);
    const max = await produce(maxTopic, maxRecords, -1);
    const consumer = await runJava(java, classpath, 'org.apache.kafka.tools.ConsumerPerformance', [
      '--bootstrap-server', bootstrap, '--topic', maxTopic, '--messages', String(maxRecords), '--timeout', '60000',
    ]);
    await consumer.done;
    const consumed = parseConsumerSummary(consumer.output);
    options.log(`(a) ConsumerPerformance: ${consumed ? `${Math.round(consumed.recordsPerSecond)} records/s, ${consumed.mbPerSecond} MB/s` : `no summary:\n${consumer.output.slice(-1500)}`}`);
    const rate = max.summary.recordsPerSecond;
    const at50 = await produce(`${prefix}p50`, Math.max(1000, Math.round(rate * 0.5 * options.seconds)), Math.round(rate * 0.5));
    const at80 = await produce(`${prefix}p80`, Math.max(1000, Math.round(rate * 0.8 * options.seconds)), Math.round(rate * 0.8));
    return {
      id: '(a)',
      label: 'raw broker: Kafka ProducerPerformance / ConsumerPerformance, 300-byte records, acks=all',
      maxRate: rate,
      mbPerSecond: max.summary.mbPerSecond,
      at50: { ...at50.summary.latency, held: true },
      at80: { ...at80.summary.latency, held: true },
      cpuMsPerEvent: at80.brokerCpuMs / at80.summary.records,
      peakRssMiB: broker ? rssMiB(broker).rss : Number.NaN,
      trials: [],
      note: `consumer ${consumed ? `${Math.round(consumed.recordsPerSecond).toLocaleString('en')} records/s, ${consumed.mbPerSecond.toFixed(1)} MB/s` : 'failed'}; latency is produce→ack; CPU and RSS are the broker's`,
    };
  } finally {
    await deleteTopics(kafka, prefix);
  }
}
