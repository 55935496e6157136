/**
 * Benchmark for the shared runtime (issue: the shared runtime). In one run, on the same local
 * broker, with the same input (N Avro purchase orders on a 3-partition topic):
 *   (a) a bare kafkajs eachBatch → Avro decode → Avro encode → sendBatch loop;
 *   (b) the Procurelink runtime: decode through the registry, an idempotency claim per record
 *       in Redis through @procurelink/idempotency (claimed, then confirmed, one round trip each
 *       per batch), order per key, a trivial handler that re-encodes and publishes.
 * Prints both rates and (b)/(a). Usage: npm run bench:runtime [-- --records 100000 --no-claims]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createRedisIdempotencyStore } from '@procurelink/idempotency';
import { Redis } from 'ioredis';
import {
  ACK,
  AvroRegistryDecoder,
  BatchProcessor,
  createProducer,
  ensureTopics,
  KafkaConsumerRuntime,
  topologyTopics,
  idempotencyClaims,
} from '@procurelink/messaging';
import { clients, preload, registerSchema } from './fixture.ts';
import { measure, table } from './measure.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'no-claims': { type: 'boolean', default: false },
    brokers: { type: 'string', default: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092' },
    registry: { type: 'string', default: process.env['SCHEMA_REGISTRY_URL'] ?? 'http://127.0.0.1:8081/apis/ccompat/v7' },
    redis: { type: 'string', default: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
  },
});
const N = Number(values.records);
const run = randomUUID().slice(0, 8);
const namespace = `io.procurelink.bench.run${run}`;
const input = `bench.runtime.in.${run}`;
const { kafka, registry } = clients(values.brokers.split(','), values.registry);

function whenCount(target: number): { hit: () => void; done: Promise<void> } {
  let seen = 0;
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolve = r));
  return {
    hit: () => {
      seen += 1;
      if (seen === target) resolve();
    },
    done,
  };
}

async function bareLoop(schemaId: number) {
  const output = `bench.runtime.out-a.${run}`;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `bench-a-${run}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [input], fromBeginning: true });
  const finished = whenCount(N);
  const type = (await registry.getSchema(schemaId)) as unknown as { fromBuffer(b: Buffer): unknown; toBuffer(v: unknown): Buffer };
  const leg = await measure('(a) bare kafkajs: eachBatch → decode → encode → sendBatch', N, async () => {
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        const messages = batch.messages.map((m) => {
          const value = type.fromBuffer((m.value as Buffer).subarray(5));
          const header = (m.value as Buffer).subarray(0, 5);
          return { key: m.key, value: Buffer.concat([header, type.toBuffer(value)]) };
        });
        await producer.sendBatch({ acks: -1, topicMessages: [{ topic: output, messages }] });
        for (let i = 0; i < messages.length; i++) finished.hit();
      },
    });
    await finished.done;
  });
  await consumer.disconnect();
  await producer.disconnect();
  return leg;
}

async function runtimeLoop(withClaims: boolean) {
  const output = `bench.runtime.out-b.${run}`;
  const store = createRedisIdempotencyStore({ url: values.redis, keyPrefix: `bench:${run}:` });
  const { producer, port } = await createProducer(kafka, { lingerMs: 2, maxBatchRecords: 1000 });
  const finished = whenCount(N);
  const decoder = new AvroRegistryDecoder(registry);
  const type = (await registry.getSchema(schemaIdB)) as unknown as { toBuffer(v: unknown): Buffer };
  const header = Buffer.alloc(5);
  header.writeUInt32BE(schemaIdB, 1);
  const topology = { group: `bench-b-${run}`, sourceTopics: [input], delaysMs: [1000, 10_000] };
  const processor = new BatchProcessor({
    topology,
    decoder,
    producer: port,
    claims: withClaims ? idempotencyClaims(store) : undefined,
    concurrency: 256,
    handlers: {
      BenchPurchaseOrder: async (event) => {
        event.publish([{ topic: output, key: event.key, value: Buffer.concat([header, type.toBuffer(event.value)]) }]);
        finished.hit();
        return ACK;
      },
    },
  });
  const runtime = new KafkaConsumerRuntime(kafka, { topology, processor, partitionsConsumedConcurrently: 3 });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [...topologyTopics(topology).retry, topologyTopics(topology).deadLetter], 3);
  await admin.disconnect();
  const label = `(b) Procurelink runtime${withClaims ? ' + Redis idempotency claims' : ''}, trivial handler`;
  const leg = await measure(label, N, async () => {
    await runtime.start();
    await finished.done;
    await port.drain();
  });
  await runtime.stop(10_000);
  await port.drain();
  await producer.disconnect();
  await store.close();
  await removeKeys(`bench:${run}:*`);
  return leg;
}

let schemaIdB = 0;

/** The benchmark leaves nothing behind in Redis. */
async function removeKeys(pattern: string): Promise<void> {
  const redis = new Redis(values.redis);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [input, `bench.runtime.out-a.${run}`, `bench.runtime.out-b.${run}`], 3);
  await admin.disconnect();
  const schemaId = await registerSchema(registry, input, namespace);
  schemaIdB = schemaId;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const preloadMs = await preload(producer, input, registry, schemaId, N);
  await producer.disconnect();
  console.log(`preloaded ${N} records onto ${input} in ${(preloadMs / 1000).toFixed(1)} s`);

  const a = await bareLoop(schemaId);
  const b = await runtimeLoop(!values['no-claims']);
  const check = kafka.admin();
  await check.connect();
  for (const leg of ['a', 'b']) {
    const offsets = await check.fetchTopicOffsets(`bench.runtime.out-${leg}.${run}`);
    const written = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    if (written < N) throw new Error(`leg (${leg}) wrote ${written} of ${N} records`);
  }
  await check.disconnect();
  console.log();
  console.log(table([a, b]));
  console.log();
  console.log(`ratio (b)/(a): ${(b.rate / a.rate).toFixed(2)}  (aim: at least 0.70)`);
  console.log(`(b) rate: ${Math.round(b.rate).toLocaleString('en')} records/s  (aim: at least 15,000 on one instance)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
