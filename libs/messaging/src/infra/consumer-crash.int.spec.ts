import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { ProcessingError } from '../errors/processing-error';
import { ACK, type InboundEvent } from '../handler/handler';
import { idempotencyClaims } from './idempotency-claims';
import { eventually, RuntimeHarness } from './kafkajs/runtime-harness.spec';

jest.setTimeout(90_000);

/**
 * A consumer that stops dead in the middle of a batch (it never answers again, as after a
 * SIGKILL) loses its partitions when its session times out; the survivor gets the batch again
 * from the last committed offset. Each effect goes through a business-key claim in the real
 * Redis, so the redelivered records change nothing the second time.
 */
describe('a consumer that dies mid-batch', () => {
  const h = new RuntimeHarness('crash', [2_000, 4_000, 8_000]);
  const prefix = `test:crash:${h.run}:`;
  let store: RedisIdempotencyStore;
  let redis: Redis;
  let releaseFrozen: () => void = () => undefined;
  const frozen = new Promise<void>((resolve) => (releaseFrozen = resolve));

  beforeAll(async () => {
    await h.setUp(1);
    store = createRedisIdempotencyStore({ url: stackEndpoints().redisUrl, keyPrefix: prefix, claimTtlMs: 3_000 });
    redis = new Redis(stackEndpoints().redisUrl);
  });
  afterAll(async () => {
    releaseFrozen();
    await h.tearDown();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await store.close();
    redis.disconnect();
  });

  /** The effect: a counter per invoice in Redis, guarded by a claim on the invoice's business key. */
  const postInvoice = (dies: (id: string) => boolean) => async (event: InboundEvent) => {
    const id = (event.value as { id: string }).id;
    const claim = await store.claim(`effect:${id}`, { ttlMs: 3_000 });
    if (claim.status === 'done') return ACK;
    if (claim.status === 'in-progress') throw new ProcessingError('CLAIMED_ELSEWHERE', `effect ${id} is in progress elsewhere`);
    if (dies(id)) await frozen;
    await redis.incr(`${prefix}posted:${id}`);
    await store.confirm(`effect:${id}`, claim.token, { posted: true });
    return ACK;
  };

  it('when its session expires › the survivor redelivers the batch and every invoice is posted exactly once', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `inv-${i}`);
    await h.startRuntime({
      handlers: { TestEvent: postInvoice((id) => id === 'inv-12') },
      claims: idempotencyClaims(store, { claimTtlMs: 3_000 }),
      concurrency: 1,
      sessionTimeoutMs: 6_000,
    });
    await h.sendJson(ids.map((id) => ({ key: 'SUP-1', value: { id } })));
    await eventually(() => redis.get(`${prefix}posted:inv-11`), (v) => v === '1');

    // The first consumer is now frozen inside its batch with 12 invoices posted and nothing committed.
    await h.startRuntime({
      handlers: { TestEvent: postInvoice(() => false) },
      claims: idempotencyClaims(store, { claimTtlMs: 3_000 }),
      concurrency: 1,
      sessionTimeoutMs: 6_000,
    });
    const counts = await eventually(
      () => Promise.all(ids.map((id) => redis.get(`${prefix}posted:${id}`))),
      (values) => values.every((v) => v !== null),
      60_000,
    );
    expect(counts).toEqual(ids.map(() => '1'));
    expect(await h.read(h.topics.deadLetter)).toEqual([]);
  });
});
