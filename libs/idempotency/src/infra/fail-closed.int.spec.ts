import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { IdempotencyUnavailableError } from '../domain/errors';
import { createRedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './create-redis-idempotency-store';
import type { RedisIdempotencyStore } from './redis-idempotency-store';

const { redisUrl } = stackEndpoints();
let admin: Redis;
// Every key of this file lives under filePrefix, each test's under its own prefix below it;
// one SCAN at the end removes them all (a SCAN per test is slow on a busy shared server).
const filePrefix = `test:idempotency:${randomUUID()}:`;
let prefix: string;
const stores: RedisIdempotencyStore[] = [];

function storeAt(url: string, options: Partial<RedisIdempotencyStoreOptions> = {}): RedisIdempotencyStore {
  const store = createRedisIdempotencyStore({ url, keyPrefix: prefix, commandTimeoutMs: 100, connectTimeoutMs: 500, ...options });
  stores.push(store);
  return store;
}

/** A port on 127.0.0.1 that nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves with what the promise rejected with and how long that took. */
async function failure(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected the store to fail closed, but it answered');
}

async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

beforeAll(() => {
  admin = new Redis(redisUrl);
});
beforeEach(() => {
  prefix = `${filePrefix}${randomUUID()}:`; // each test its own keys
});
afterEach(async () => {
  await admin.client('UNPAUSE'); // never leave the shared server paused, whatever happened
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  for await (const keys of admin.scanStream({ match: `${filePrefix}*`, count: 20_000 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await admin.unlink(...keys);
  }
  await admin.quit();
});

describe('fail closed', () => {
  describe('when Redis is down (nothing listens on the port)', () => {
    it('claim rejects with a retriable IdempotencyUnavailableError carrying the connection error, quickly', async () => {
      const store = storeAt(`redis://127.0.0.1:${await closedPort()}`);

      const { error, ms } = await failure(store.claim('k', { ttlMs: 1_000 }));
      expect(error).toBeInstanceOf(IdempotencyUnavailableError);
      expect(error).toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true });
      expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
      expect(ms).toBeLessThan(1_000);
    });

    it('while it stays down › every call, batch or single, fails at once', async () => {
      const store = storeAt(`redis://127.0.0.1:${await closedPort()}`);
      await failure(store.claim('k'));

      const calls = [
        store.claimMany(['a', 'b']),
        store.confirm('a', randomUUID(), null),
        store.releaseMany([{ key: 'a', token: 't' }]),
      ];
      for (const call of calls) {
        const { error, ms } = await failure(call);
        expect(error).toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true });
        expect(ms).toBeLessThan(200);
      }
    });
  });

  describe('when Redis is slow (CLIENT PAUSE of writes, commandTimeout 100 ms)', () => {
    it('claims time out as retriable errors, and work again once Redis answers', async () => {
      const store = storeAt(redisUrl);
      await store.claim('warm-up');

      await admin.client('PAUSE', 600, 'WRITE');
      const { error, ms } = await failure(store.claimMany(['slow-1', 'slow-2'], { ttlMs: 30_000 }));
      expect(error).toBeInstanceOf(IdempotencyUnavailableError);
      expect(error).toMatchObject({ retriable: true, message: expect.stringContaining('Command timed out') });
      expect(ms).toBeLessThan(400);

      // Once the pause ends the store answers again, on the same connection. Retries of a claim
      // whose reply was lost re-send its token, so they get that claim back.
      const recovered = await eventually(() => store.claim('after-pause', { ttlMs: 30_000 }));
      expect(recovered.status).toBe('claimed');

      // Fail closed: the timed-out claims reached Redis when the pause ended and hold their keys
      // (until their TTL) against every other worker; the store that sent them gets them back.
      await expect(storeAt(redisUrl).claim('slow-1')).resolves.toMatchObject({ status: 'in-progress' });
      const retried = await store.claimMany(['slow-1', 'slow-2', 'slow-1'], { ttlMs: 30_000 });
      expect(retried.map((r) => r.status)).toEqual(['claimed', 'claimed', 'in-progress']);
    });
  });

  describe('when the connection drops', () => {
    it('a call fails as unavailable, and the store reconnects by itself', async () => {
      const connectionName = `idempotency-test-${randomUUID()}`;
      const store = storeAt(redisUrl, { connectionName });
      await store.claim('warm-up');
      const clients = (await admin.client('LIST')) as string;
      const id = /(?:^|\n)id=(\d+) .*name=(\S+)/g;
      const ours = [...clients.matchAll(id)].find((match) => match[2] === connectionName)?.[1];
      if (ours === undefined) throw new Error(`no client named ${connectionName}`);

      await admin.client('KILL', 'ID', ours); // only this test's connection
      const { error } = await failure(store.claim('during-drop'));
      expect(error).toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true });

      await expect(eventually(() => store.claim('after-drop'))).resolves.toMatchObject({ status: 'claimed' });
    });
  });

  it('after close() › calls fail as unavailable instead of hanging', async () => {
    const store = storeAt(redisUrl);
    await store.claim('k');
    await store.close();
    await expect(store.claim('k')).rejects.toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true });
  });
});
