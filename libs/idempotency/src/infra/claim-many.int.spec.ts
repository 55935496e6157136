import { randomUUID } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { createRedisIdempotencyStore } from './create-redis-idempotency-store';
import type { HeldClaim } from '../domain/idempotency-store.port';
import type { RedisIdempotencyStore } from './redis-idempotency-store';

/**
 * A TCP relay in front of the real Redis that adds 10 ms of latency to every reply and counts
 * round trips: one starts each time the client sends after a reply reached it (or for the first
 * time). The latency makes the count independent of how TCP splits a large write: every segment
 * of one write arrives long before any reply can, so only a client that waited for a reply before
 * sending more is counted again.
 */
const REPLY_LATENCY_MS = 10;

interface RoundTripCounter {
  /** The relay's address, with the real URL's credentials and database. */
  readonly url: string;
  count(): number;
  reset(): void;
  close(): Promise<void>;
}

async function roundTripCounter(redisUrl: string): Promise<RoundTripCounter> {
  const target = new URL(redisUrl);
  const sockets = new Set<Socket>();
  let roundTrips = 0;
  let awaitingReply = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', end).on('close', end);
    }
    client.on('data', (chunk) => {
      if (!awaitingReply) roundTrips += 1;
      awaitingReply = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      setTimeout(() => {
        awaitingReply = false;
        client.write(chunk);
      }, REPLY_LATENCY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const via = new URL(redisUrl);
  via.hostname = '127.0.0.1';
  via.port = String((server.address() as AddressInfo).port);
  return {
    url: via.toString(),
    count: () => roundTrips,
    reset: () => (roundTrips = 0),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const { redisUrl } = stackEndpoints();
let admin: Redis;
// Every key of this file lives under filePrefix, each test's under its own prefix below it;
// one SCAN at the end removes them all (a SCAN per test is slow on a busy shared server).
const filePrefix = `test:idempotency:${randomUUID()}:`;
let prefix: string;
let relay: RoundTripCounter;
let store: RedisIdempotencyStore;

beforeAll(() => {
  admin = new Redis(redisUrl);
});
beforeEach(async () => {
  prefix = `${filePrefix}${randomUUID()}:`; // each test its own keys
  relay = await roundTripCounter(redisUrl);
  store = createRedisIdempotencyStore({ url: relay.url, keyPrefix: prefix, owner: 'batch' });
  await store.claim('warm-up'); // connects, runs the ready check and loads the claim script
  relay.reset();
});
afterEach(async () => {
  await store.close();
  await relay.close();
});
afterAll(async () => {
  for await (const keys of admin.scanStream({ match: `${filePrefix}*`, count: 20_000 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await admin.unlink(...keys);
  }
  await admin.quit();
});

/** Claims every key (all must be free) and returns them as held claims, in order. */
async function heldClaims(keys: string[]): Promise<HeldClaim[]> {
  const results = await store.claimMany(keys, { ttlMs: 30_000 });
  return results.map((result, i) => {
    if (result.status !== 'claimed') throw new Error(`expected ${keys[i]} to be free`);
    return { key: keys[i] ?? '', token: result.token };
  });
}

describe('batch claims', () => {
  it('claimMany with duplicates › the first occurrence claims, later ones are in-progress, confirmed keys are done — in one round trip', async () => {
    const confirmed = await store.claim('e4');
    if (confirmed.status !== 'claimed') throw new Error('expected a claim');
    await store.confirm('e4', confirmed.token, { posted: 'AP-4' });
    relay.reset();

    const results = await store.claimMany(['e1', 'e2', 'e1', 'e3', 'e2', 'e4'], { ttlMs: 30_000 });

    expect(relay.count()).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['claimed', 'claimed', 'in-progress', 'claimed', 'in-progress', 'done']);
    expect(results[2]).toMatchObject({ owner: 'batch' });
    expect(results[5]).toEqual({ status: 'done', outcome: { posted: 'AP-4' } });
  });

  it('confirmMany and releaseMany › settle a whole batch in one round trip each', async () => {
    const [c1, c2, r1, r2] = (await heldClaims(['c1', 'c2', 'r1', 'r2'])) as [HeldClaim, HeldClaim, HeldClaim, HeldClaim];
    relay.reset();

    const confirms = await store.confirmMany([
      { ...c1, outcome: 'one' },
      { ...c2 }, // no outcome: stored as null
    ]);
    expect(relay.count()).toBe(1);
    expect(confirms).toEqual([
      { status: 'confirmed', claimExpired: false },
      { status: 'confirmed', claimExpired: false },
    ]);

    relay.reset();
    const releases = await store.releaseMany([r1, r2, c1]);
    expect(relay.count()).toBe(1);
    expect(releases).toEqual([{ status: 'released' }, { status: 'released' }, { status: 'not-held', reason: 'confirmed' }]);

    expect(await store.claimMany(['c1', 'c2', 'r1'])).toEqual([
      { status: 'done', outcome: 'one' },
      { status: 'done', outcome: null },
      { status: 'claimed', token: expect.any(String) },
    ]);
  });

  it('the counter is honest › three single claims are three round trips, an empty batch is none', async () => {
    await store.claim('s1');
    await store.claim('s2');
    await store.claim('s3');
    expect(relay.count()).toBe(3);

    relay.reset();
    await expect(store.claimMany([])).resolves.toEqual([]);
    expect(relay.count()).toBe(0);
  });

  it('a batch of 1000 keys › is still one round trip', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `bulk-${i}`);
    const results = await store.claimMany(keys, { ttlMs: 30_000 });
    expect(relay.count()).toBe(1);
    expect(results.every((r) => r.status === 'claimed')).toBe(true);
  });
});
