import { randomUUID } from 'node:crypto';
import { EnvReader, kafkaClientOptions, readServiceRuntimeSettings } from '@procurelink/service-host';
import type { Consumer, Producer } from 'kafkajs';
import { createKafka, KafkaConnectionError } from './create-client';
import { prepareServiceTopics } from './prepare-service-topics';

jest.setTimeout(60_000);

/** The local stack's SASL_PLAINTEXT listener and its development user (LOCAL_SCRAM_USER of tools/stack/config.ts). */
const SASL_BROKER = `127.0.0.1:${process.env.PROCURELINK_KAFKA_SASL_PORT ?? '9094'}`;
const LOCAL_SCRAM_USER = { username: 'procurelink', password: 'procurelink-local-scram' };

/** The local stack's SASL_PLAINTEXT listener (SCRAM-SHA-512), configured the way a service reads it. */
function saslClient(password: string, clientId: string) {
  const env = {
    KAFKA_BROKERS: SASL_BROKER,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: LOCAL_SCRAM_USER.username,
    KAFKA_SASL_PASSWORD: password,
  };
  const read = new EnvReader(env);
  const settings = readServiceRuntimeSettings(read);
  expect(read.problems).toEqual([]);
  return kafkaClientOptions(settings, clientId);
}

describe('Kafka over SASL/SCRAM-SHA-512 (the local stack listener)', () => {
  const run = randomUUID().slice(0, 8);
  const topic = `sasl-scram.${run}.in`;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    const admin = createKafka(saslClient(LOCAL_SCRAM_USER.password, `sasl-${run}-cleanup`)).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('with the right credentials › topics are created, and a record makes the round trip producer → consumer', async () => {
    const options = saslClient(LOCAL_SCRAM_USER.password, `sasl-${run}`);
    await prepareServiceTopics({ ...options, topics: [topic], partitions: 1 });
    const kafka = createKafka(options);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    consumer = kafka.consumer({ groupId: `sasl-${run}` });
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = new Promise<string>((done) => {
      void consumer?.run({ eachMessage: async ({ message }) => done(message.value?.toString() ?? '') });
    });
    await producer.send({ topic, messages: [{ key: 'k', value: `hello-${run}` }] });
    const value = await Promise.race([received, new Promise<string>((_, fail) => setTimeout(() => fail(new Error('no record within 30 s')), 30_000).unref())]);
    expect(value).toBe(`hello-${run}`);
  });

  it('with a wrong password › fails within seconds with KAFKA_AUTHENTICATION_FAILED, never showing the password', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const options = saslClient(wrong, `sasl-${run}-wrong`);
    const started = Date.now();
    const failure = await prepareServiceTopics({ ...options, topics: [`${topic}.never`], partitions: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const tookMs = Date.now() - started;
    expect(failure).toBeInstanceOf(KafkaConnectionError);
    const error = failure as KafkaConnectionError;
    expect([error.code, error.retriable]).toEqual(['KAFKA_AUTHENTICATION_FAILED', false]);
    expect(error.message).toMatch(/^Kafka authentication failed at 127\.0\.0\.1:\d+ \(SASL scram-sha-512 as procurelink\)/);
    expect(error.message).toContain('KAFKA_SASL_PASSWORD');
    expect(`${error.message} ${String(error.stack)}`).not.toContain(wrong);
    expect(tookMs).toBeLessThan(15_000);
  });
});
