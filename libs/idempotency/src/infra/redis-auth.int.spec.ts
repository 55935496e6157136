import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvReader, readServiceRuntimeSettings, redisClientOptions } from '@procurelink/service-host';
import { Redis } from 'ioredis';
import { IdempotencyUnavailableError } from '../domain/errors';
import { createRedisIdempotencyStore } from './create-redis-idempotency-store';
import type { RedisIdempotencyStore } from './redis-idempotency-store';

// A throwaway Redis with a password and an ACL user (never the shared one): the settings a service
// reads (REDIS_URL, REDIS_USERNAME, REDIS_PASSWORD) reach every client, and a wrong password fails
// clearly, fast, and without the password in the error.

jest.setTimeout(30_000);

const PASSWORD = `right-${randomUUID()}`;
const APP_PASSWORD = `app-${randomUUID()}`;
let server: ChildProcess;
let dir: string;
let url: string;
const stores: RedisIdempotencyStore[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function settings(env: Record<string, string>) {
  const read = new EnvReader({ REDIS_URL: url, ...env });
  const runtime = readServiceRuntimeSettings(read);
  expect(read.problems).toEqual([]);
  return runtime;
}

function store(env: Record<string, string>): RedisIdempotencyStore {
  const config = settings(env);
  const created = createRedisIdempotencyStore({ url: config.redisUrl, auth: redisClientOptions(config), keyPrefix: `auth-test:`, connectTimeoutMs: 1_000, commandTimeoutMs: 500 });
  stores.push(created);
  return created;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'procurelink-redis-auth-'));
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', PASSWORD, '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  let admin: Redis;
  for (;;) {
    admin = new Redis(url, { password: PASSWORD, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    try {
      await admin.connect();
      break;
    } catch (error) {
      admin.disconnect();
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.call('ACL', 'SETUSER', 'app', 'on', `>${APP_PASSWORD}`, '~auth-test:*', '+@all');
  await admin.quit();
});

afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
  server?.kill('SIGTERM');
  if (server?.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis AUTH from the service settings', () => {
  it('with REDIS_PASSWORD › the idempotency store claims, and a plain client (as the services build it) answers', async () => {
    const result = await store({ REDIS_PASSWORD: PASSWORD }).claim(`k-${randomUUID()}`);
    expect(result.status).toBe('claimed');
    const config = settings({ REDIS_PASSWORD: PASSWORD });
    const client = new Redis(config.redisUrl, { ...redisClientOptions(config), maxRetriesPerRequest: 1 });
    expect(await client.ping()).toBe('PONG');
    await client.quit();
  });

  it('with REDIS_USERNAME and its password (an ACL user) › works too', async () => {
    expect((await store({ REDIS_USERNAME: 'app', REDIS_PASSWORD: APP_PASSWORD }).claim(`k-${randomUUID()}`)).status).toBe('claimed');
  });

  it('with a wrong password › fails within seconds as unavailable, saying the password was refused, never showing it', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const started = Date.now();
    const error = await store({ REDIS_PASSWORD: wrong }).claim(`k-${randomUUID()}`).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(IdempotencyUnavailableError);
    const text = `${(error as Error).message} ${String((error as Error).stack)}`;
    expect(text).toMatch(/WRONGPASS|invalid username-password|NOAUTH/);
    expect(text).toContain(`127.0.0.1`);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(PASSWORD);
  });

  it('without a password › refused (NOAUTH), not silently working', async () => {
    const error = await store({}).claim(`k-${randomUUID()}`).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IdempotencyUnavailableError);
    expect((error as Error).message).toMatch(/NOAUTH|Authentication required/i);
  });
});
