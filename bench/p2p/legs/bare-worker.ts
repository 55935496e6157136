/**
 * Leg (b), run as its own process: a bare kafkajs loop — eachBatch → Avro decode → Avro encode →
 * sendBatch — with no idempotency, no retries and no dead letters. The floor any real service is
 * compared with. Environment: BENCH_BROKERS, BENCH_REGISTRY, BENCH_INPUT, BENCH_OUTPUT, BENCH_GROUP.
 */
import { Kafka, logLevel } from 'kafkajs';
import { avroReencoder, env } from './worker-avro.ts';

const kafka = new Kafka({ clientId: 'bench-bare', brokers: env('BENCH_BROKERS').split(','), logLevel: logLevel.ERROR });
const reencode = avroReencoder(env('BENCH_REGISTRY'));
const output = env('BENCH_OUTPUT');

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
        messages.push({ key: m.key, value: await reencode(m.value as Buffer) });
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
