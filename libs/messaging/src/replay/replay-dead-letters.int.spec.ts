import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { ProcessingError } from '../errors/processing-error';
import { idempotencyClaims } from '../infra/idempotency-claims';
import type { KafkaConsumerRuntime } from '../infra/kafkajs/kafka-consumer-runtime';
import { HEADERS } from '../headers/header-names';
import { ACK, type InboundEvent } from '../handler/handler';
import { createProducer } from '../infra/kafkajs/create-client';
import { eventually, RuntimeHarness } from '../infra/kafkajs/runtime-harness.spec';
import { replayDeadLetters } from './replay-dead-letters';

jest.setTimeout(60_000);

describe('replaying dead letters on a real broker', () => {
  const h = new RuntimeHarness('replay');
  const knownSuppliers = new Set<string>(['SUP-1']);
  const posted: Array<{ id: string; attempt: number; replayedBy: string | undefined }> = [];
  const prefix = `test:replay:${h.run}:`;
  let store: RedisIdempotencyStore;
  let runtime: KafkaConsumerRuntime;

  beforeAll(async () => {
    await h.setUp();
    store = createRedisIdempotencyStore({ url: stackEndpoints().redisUrl, keyPrefix: prefix });
    runtime = await h.startRuntime({
      claims: idempotencyClaims(store),
      handlers: {
        TestEvent: async (event: InboundEvent) => {
          const value = event.value as { id: string; supplier: string };
          if (!knownSuppliers.has(value.supplier)) throw new ProcessingError('INVALID_INPUT', `unknown supplier ${value.supplier}`);
          posted.push({ id: value.id, attempt: event.attempt, replayedBy: event.headers[HEADERS.replayBy] });
          return ACK;
        },
      },
    });
  });
  afterAll(async () => {
    await h.tearDown();
    await store.close();
    const redis = new Redis(stackEndpoints().redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function replay(select: (key: string) => boolean) {
    const { producer, port } = await createProducer(h.kafka);
    try {
      return await replayDeadLetters({
        kafka: h.kafka,
        producer: port,
        deadLetterTopic: h.topics.deadLetter,
        actor: 'ops.jane',
        select: (record) => select(record.key?.toString() ?? ''),
      });
    } finally {
      await producer.disconnect();
    }
  }

  it('when the cause is fixed and the dead letters are replayed › they go back to their topic, are handled, and say who replayed them', async () => {
    await h.sendJson([
      { key: 'INV-1', value: { id: 'i1', supplier: 'SUP-1' } },
      { key: 'INV-2', value: { id: 'i2', supplier: 'SUP-2' } },
      { key: 'INV-3', value: { id: 'i3', supplier: 'SUP-3' } },
    ]);
    await eventually(() => h.read(h.topics.deadLetter), (r) => r.length === 2);
    expect(posted.map((p) => p.id)).toEqual(['i1']);

    knownSuppliers.add('SUP-2');
    expect(await replay((key) => key === 'INV-2')).toEqual({ considered: 1, replayed: 1, refused: [] });
    await eventually(() => posted.length, (n) => n === 2);
    expect(posted[1]).toEqual({ id: 'i2', attempt: 1, replayedBy: 'ops.jane' });
    const source = await h.read(h.source);
    const replayed = source.find((r) => r.headers[HEADERS.replayCount] === '1');
    expect(replayed?.headers[HEADERS.errorCode]).toBeUndefined();
    expect(replayed?.headers[HEADERS.firstFailureAt]).toBeDefined();
  });

  it('when a dead letter that already took effect is replayed again › its event id is claimed as done and nothing is posted twice', async () => {
    const skippedBefore = runtime.totals.skipped;
    expect(await replay((key) => key === 'INV-2')).toMatchObject({ replayed: 1 });
    await eventually(() => runtime.totals.skipped, (n) => n === skippedBefore + 1);
    expect(posted.filter((p) => p.id === 'i2')).toHaveLength(1);
  });
});
