/**
 * Leg (b), run as its own process: a bare kafkajs loop — eachBatch → Avro decode → Avro encode →
 * sendBatch — with no idempotency, no retries and no dead letters. The floor any real service is
 * compared with. Environment: BENCH_BROKERS, BENCH_REGISTRY, BENCH_INPUT, BENCH_OUTPUT, BENCH_GROUP.
 */
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';

interface AvroType {
  fromBuffer(buffer: Buffer): unknown;
  toBuffer(value: unknown): Buffer;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const kafka = new Kafka({ clientId: 'bench-bare', brokers: env('BENCH_BROKERS').split(','), logLevel: logLevel.ERROR });
const registry = new SchemaRegistry({ host: env('BENCH_REGISTRY') });
const output = env('BENCH_OUTPUT');
const types = new Map<number, AvroType>();

async function typeOf(id: number): Promise<AvroType> {
  let type = types.get(id);
  if (!type) {
    type = (await registry.getSchema(id)) as unknown as AvroType;
    types.set(id, type);
  }
  return type;
}

async function main(): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: env('BENCH_GROUP'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [env('BENCH_INPUT')], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      const messages = [];
      for (const m of batch.messages) {
        const value = m.value as Buffer;
        const type = await typeOf(value.readUInt32BE(1));
        const decoded = type.fromBuffer(value.subarray(5));
        messages.push({ key: m.key, value: Buffer.concat([value.subarray(0, 5), type.toBuffer(decoded)]) });
      }
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic: output, messages }] });
    },
  });
  console.log('bench worker ready');
  const stop = () => void Promise.all([consumer.disconnect(), producer.disconnect()]).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
