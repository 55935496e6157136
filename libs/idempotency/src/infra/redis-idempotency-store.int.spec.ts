import { randomUUID } from 'node:crypto';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { IdempotencyCorruptRecordError } from '../domain/errors';
import { DEFAULT_OUTCOME_TTL_MS } from '../domain/idempotency-store.port';
import { invoiceKey } from '../domain/keys/business-keys';
import { createRedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './create-redis-idempotency-store';
import type { RedisIdempotencyStore } from './redis-idempotency-store';

const { redisUrl } = stackEndpoints();
let admin: Redis;
// Every key of this file lives under filePrefix, each test's under its own prefix below it;
// one SCAN at the end removes them all (a SCAN per test is slow on a busy shared server).
const filePrefix = `test:idempotency:${randomUUID()}:`;
let prefix: string;
const stores: RedisIdempotencyStore[] = [];

function worker(owner: string, options: Partial<RedisIdempotencyStoreOptions> = {}): RedisIdempotencyStore {
  const store = createRedisIdempotencyStore({ url: redisUrl, keyPrefix: prefix, owner, ...options });
  stores.push(store);
  return store;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  admin = new Redis(redisUrl);
});
beforeEach(() => {
  prefix = `${filePrefix}${randomUUID()}:`; // each test its own keys
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  for await (const keys of admin.scanStream({ match: `${filePrefix}*`, count: 20_000 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await admin.unlink(...keys);
  }
  await admin.quit();
});

describe('RedisIdempotencyStore on a real Redis', () => {
  const key = invoiceKey({ supplierId: 'SUP-42', invoiceNumber: 'inv-00123', amount: '100.50', currency: 'EUR' });

  describe('when the work is confirmed', () => {
    it('a later claim sees done, with the stored outcome, so the caller can skip and answer the same', async () => {
      const a = worker('invoice-sync@a');
      const claim = await a.claim(key, { ttlMs: 30_000 });
      expect(claim).toEqual({ status: 'claimed', token: expect.any(String) });
      if (claim.status !== 'claimed') return;

      await expect(a.confirm(key, claim.token, { erpDocument: 'AP-7', lines: 3 })).resolves.toEqual({
        status: 'confirmed',
        claimExpired: false,
      });

      await expect(worker('invoice-sync@b').claim(key, { ttlMs: 30_000 })).resolves.toEqual({
        status: 'done',
        outcome: { erpDocument: 'AP-7', lines: 3 },
      });
    });

    it('the outcome is kept for 30 days by default, or for the TTL the caller gives', async () => {
      const store = worker('w');
      const first = await store.claim('k:default', { ttlMs: 30_000 });
      const second = await store.claim('k:short', { ttlMs: 30_000 });
      if (first.status !== 'claimed' || second.status !== 'claimed') throw new Error('expected claims');
      await store.confirm('k:default', first.token, null);
      await store.confirm('k:short', second.token, null, { ttlMs: 5 * 60_000 });

      const kept = await admin.pttl(`${prefix}k:default`);
      expect(kept).toBeGreaterThan(DEFAULT_OUTCOME_TTL_MS - 60_000);
      expect(kept).toBeLessThanOrEqual(DEFAULT_OUTCOME_TTL_MS);
      expect(DEFAULT_OUTCOME_TTL_MS).toBe(2_592_000_000);
      expect(await admin.pttl(`${prefix}k:short`)).toBeLessThanOrEqual(5 * 60_000);
    });

    it('confirming again with the same token changes nothing, and release never deletes an outcome', async () => {
      const store = worker('w');
      const claim = await store.claim(key);
      if (claim.status !== 'claimed') throw new Error('expected a claim');
      await store.confirm(key, claim.token, 'first');
      await expect(store.confirm(key, claim.token, 'second')).resolves.toEqual({ status: 'confirmed', claimExpired: false });
      await expect(store.release(key, claim.token)).resolves.toEqual({ status: 'not-held', reason: 'confirmed' });
      await expect(store.claim(key)).resolves.toEqual({ status: 'done', outcome: 'first' });
    });
  });

  it('when the work fails and the claim is released › the key can be claimed again', async () => {
    const store = worker('w');
    const claim = await store.claim(key, { ttlMs: 30_000 });
    if (claim.status !== 'claimed') throw new Error('expected a claim');
    await expect(store.release(key, claim.token)).resolves.toEqual({ status: 'released' });
    await expect(store.claim(key, { ttlMs: 30_000 })).resolves.toMatchObject({ status: 'claimed' });
  });

  it('when a second worker claims while the first holds the key › it sees in-progress, who holds it and for how long', async () => {
    await worker('invoice-sync@a').claim(key, { ttlMs: 30_000 });
    const seen = await worker('invoice-sync@b').claim(key, { ttlMs: 30_000 });
    expect(seen).toEqual({ status: 'in-progress', owner: 'invoice-sync@a', expiresInMs: expect.any(Number) });
    if (seen.status === 'in-progress') expect(seen.expiresInMs).toBeGreaterThan(25_000);
  });

  it('when another worker releases or confirms with a token it does not hold › nothing changes', async () => {
    const a = worker('a');
    const held = await a.claim(key, { ttlMs: 30_000 });
    const intruder = worker('b');
    await expect(intruder.release(key, randomUUID())).resolves.toEqual({ status: 'not-held', reason: 'claimed-by-another' });
    await expect(intruder.confirm(key, randomUUID(), 'x')).resolves.toEqual({ status: 'claim-lost', reason: 'claimed-by-another' });
    expect(held.status).toBe('claimed');
    await expect(a.claim(key)).resolves.toMatchObject({ status: 'in-progress', owner: 'a' });
  });

  describe('when the holder dies', () => {
    it('its claim expires, another worker claims, and the dead holder’s late confirm is refused', async () => {
      const dead = worker('invoice-sync@dead');
      const lost = await dead.claim(key, { ttlMs: 200 });
      if (lost.status !== 'claimed') throw new Error('expected a claim');

      const survivor = worker('invoice-sync@alive');
      let taken = await survivor.claim(key, { ttlMs: 30_000 });
      expect(taken.status).toBe('in-progress');
      const deadline = Date.now() + 5_000;
      while (taken.status !== 'claimed' && Date.now() < deadline) {
        await sleep(50);
        taken = await survivor.claim(key, { ttlMs: 30_000 });
      }
      expect(taken.status).toBe('claimed');

      await expect(dead.confirm(key, lost.token, 'late')).resolves.toEqual({ status: 'claim-lost', reason: 'claimed-by-another' });
      await expect(dead.release(key, lost.token)).resolves.toEqual({ status: 'not-held', reason: 'claimed-by-another' });
      if (taken.status === 'claimed') await survivor.confirm(key, taken.token, 'on time');
      await expect(dead.confirm(key, lost.token, 'late')).resolves.toEqual({ status: 'claim-lost', reason: 'confirmed-by-another' });
      await expect(survivor.claim(key)).resolves.toEqual({ status: 'done', outcome: 'on time' });
    });

    it('but nobody took the key › a late confirm still stores the outcome and says the claim had expired', async () => {
      const slow = worker('slow');
      const claim = await slow.claim(key, { ttlMs: 100 });
      if (claim.status !== 'claimed') throw new Error('expected a claim');
      const deadline = Date.now() + 5_000;
      while ((await admin.exists(`${prefix}${key}`)) === 1 && Date.now() < deadline) await sleep(25);

      await expect(slow.confirm(key, claim.token, 'done late')).resolves.toEqual({ status: 'confirmed', claimExpired: true });
      await expect(slow.claim(key)).resolves.toEqual({ status: 'done', outcome: 'done late' });
    });
  });

  it('keys live under the store’s key prefix in Redis; results use the caller’s keys', async () => {
    await worker('w').claim(key, { ttlMs: 30_000 });
    expect(await admin.get(`${prefix}${key}`)).toMatch(/^c\|[0-9a-f-]{36}\|w$/);
    expect(await admin.exists(key)).toBe(0);
  });

  describe('when a key holds something this library did not write', () => {
    it('a foreign string › every operation reports a corrupt record, not retriable', async () => {
      await admin.set(`${prefix}${key}`, 'legacy-value', 'PX', 60_000);
      const store = worker('w');
      const error = await store.claim(key).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IdempotencyCorruptRecordError);
      expect(error).toMatchObject({ code: 'IDEMPOTENCY_CORRUPT_RECORD', retriable: false, key });
      await expect(store.release(key, randomUUID())).rejects.toBeInstanceOf(IdempotencyCorruptRecordError);
      expect(await admin.get(`${prefix}${key}`)).toBe('legacy-value');
    });

    it('another Redis type › reports a corrupt record naming the key', async () => {
      await admin.hset(`${prefix}${key}`, 'field', 'value');
      await admin.pexpire(`${prefix}${key}`, 60_000);
      await expect(worker('w').claim(key)).rejects.toMatchObject({ code: 'IDEMPOTENCY_CORRUPT_RECORD', key });
    });
  });
});
