import { randomUUID } from 'node:crypto';
import { stackEndpoints } from '@procurelink/test-support';
import type { Kafka, Producer } from 'kafkajs';
import type { HandlerMap } from '../../handler/handler';
import type { ClaimPort } from '../../ports/claims';
import type { RecordDecoder } from '../../ports/decoder';
import type { InboundRecord } from '../../ports/records';
import { BatchProcessor } from '../../runtime/batch-processor';
import type { RuntimeLogger } from '../../runtime/runtime-logger';
import { topologyTopics, type RetryTopology } from '../../retry/retry-topology';
import { JsonDecoder } from '../json-decoder';
import type { BatchingProducer } from './batching-producer';
import { createKafka, createProducer } from './create-client';
import { ensureTopics } from './ensure-topics';
import { KafkaConsumerRuntime } from './kafka-consumer-runtime';
import { readTopicToEnd } from './read-topic';

export const quietLogger: RuntimeLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** One test's own topics, group, clients and runtime on the real broker. */
export class RuntimeHarness {
  readonly run = randomUUID().slice(0, 8);
  readonly kafka: Kafka;
  readonly topology: RetryTopology;
  readonly source: string;
  private producer: Producer | undefined;
  private port: BatchingProducer | undefined;
  private runtimes: KafkaConsumerRuntime[] = [];

  constructor(name: string, delaysMs: readonly number[] = [200, 400]) {
    this.kafka = createKafka({ clientId: `test-${name}-${this.run}`, brokers: stackEndpoints().kafkaBrokers, logLevel: 'nothing' });
    this.source = `test.${name}.${this.run}`;
    this.topology = { group: `test-${name}-${this.run}`, sourceTopics: [this.source], delaysMs };
  }

  get topics() {
    return topologyTopics(this.topology);
  }

  async setUp(partitions = 3): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [this.source], partitions);
    await admin.disconnect();
    const created = await createProducer(this.kafka, { lingerMs: 2, maxBatchRecords: 500 });
    this.producer = created.producer;
    this.port = created.port;
  }

  async startRuntime(options: {
    handlers: HandlerMap;
    decoder?: RecordDecoder;
    claims?: ClaimPort;
    concurrency?: number;
    sessionTimeoutMs?: number;
  }): Promise<KafkaConsumerRuntime> {
    const processor = new BatchProcessor({
      topology: this.topology,
      decoder: options.decoder ?? new JsonDecoder({ [this.source]: 'TestEvent' }, (value) => (value as { id?: string }).id),
      handlers: options.handlers,
      producer: this.port as BatchingProducer,
      claims: options.claims,
      concurrency: options.concurrency ?? 8,
    });
    const runtime = new KafkaConsumerRuntime(this.kafka, {
      topology: this.topology,
      processor,
      logger: quietLogger,
      batchFailureBackoffMs: 300,
      ...(options.sessionTimeoutMs ? { sessionTimeoutMs: options.sessionTimeoutMs } : {}),
    });
    await runtime.start();
    this.runtimes.push(runtime);
    return runtime;
  }

  async sendJson(records: Array<{ key: string; value: unknown; headers?: Record<string, string> }>): Promise<void> {
    await this.sendRaw(records.map((r) => ({ key: r.key, value: Buffer.from(JSON.stringify(r.value)), headers: r.headers ?? {} })));
  }

  async sendRaw(records: Array<{ key: string; value: Buffer | null; headers?: Record<string, string> }>): Promise<void> {
    await this.producer?.send({ topic: this.source, acks: -1, messages: records.map((r) => ({ ...r, headers: r.headers ?? {} })) });
  }

  read(topic: string): Promise<InboundRecord[]> {
    return readTopicToEnd(this.kafka, topic);
  }

  async tearDown(): Promise<void> {
    await Promise.all(this.runtimes.map((r) => r.stop(5_000)));
    await this.producer?.disconnect();
  }
}

/** Polls until `check` holds, or fails after the deadline with what was last seen. */
export async function eventually<T>(probe: () => T | Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}
