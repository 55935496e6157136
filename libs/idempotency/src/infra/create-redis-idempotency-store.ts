import { Redis, type RedisOptions } from 'ioredis';
import { DEFAULT_MAX_OUTCOME_BYTES } from '../domain/arguments';
import { IdempotencyInvalidArgumentError } from '../domain/errors';
import { DEFAULT_OUTCOME_TTL_MS } from '../domain/idempotency-store.port';
import { connectionOptions, describeEndpoint } from './redis-connection';
import { RedisIdempotencyStore } from './redis-idempotency-store';

export const DEFAULT_CLAIM_TTL_MS = 60_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;

export interface RedisIdempotencyStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. Never echoed in messages. */
  readonly url: string;
  /** Prepended to every key in Redis, e.g. `"staging:"`. Default none. */
  readonly keyPrefix?: string;
  /** A command not answered within this fails as unavailable. Default 1000 ms. */
  readonly commandTimeoutMs?: number;
  /** A connection not ready within this fails as unavailable. Default 2000 ms. */
  readonly connectTimeoutMs?: number;
  /** Claim TTL when a claim does not give one. Default 60 s. */
  readonly claimTtlMs?: number;
  /** Outcome TTL when a confirm does not give one. Default 30 days. */
  readonly outcomeTtlMs?: number;
  /** Largest outcome accepted, as JSON bytes. Default 16 KiB. */
  readonly maxOutcomeBytes?: number;
  /** Owner stored with claims that do not name one, e.g. `"invoice-sync@host-1"`. Default empty. */
  readonly owner?: string;
  /** CLIENT SETNAME of the connection. Default `procurelink-idempotency`. */
  readonly connectionName?: string;
  /** AUTH and TLS of the connection (`redisClientOptions(config)` of @procurelink/service-host); a password in `url` wins. */
  readonly auth?: Pick<RedisOptions, 'username' | 'password' | 'tls'>;
}

function positive(problems: string[], name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) problems.push(`${name} must be a whole number above 0 (got ${value})`);
  return value;
}

/**
 * Builds the Redis adapter and starts connecting in the background. It does not wait: a call made
 * before the connection is ready waits for it (at most `connectTimeoutMs`), and a call made while
 * Redis is unreachable fails at once with `IdempotencyUnavailableError`. Bad options throw
 * `IdempotencyInvalidArgumentError` listing every problem.
 */
export function createRedisIdempotencyStore(options: RedisIdempotencyStoreOptions): RedisIdempotencyStore {
  const problems: string[] = [];
  let endpoint = '';
  try {
    if (!/^rediss?:$/.test(new URL(options.url).protocol)) problems.push('url must start with redis:// or rediss://');
    endpoint = describeEndpoint(options.url);
  } catch {
    problems.push('url must be a redis:// or rediss:// URL');
  }
  const keyPrefix = options.keyPrefix ?? '';
  if (typeof keyPrefix !== 'string' || keyPrefix.length > 100) problems.push('keyPrefix must be a string of at most 100 characters');
  const commandTimeoutMs = positive(problems, 'commandTimeoutMs', options.commandTimeoutMs, DEFAULT_COMMAND_TIMEOUT_MS);
  const connectTimeoutMs = positive(problems, 'connectTimeoutMs', options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS);
  const claimTtlMs = positive(problems, 'claimTtlMs', options.claimTtlMs, DEFAULT_CLAIM_TTL_MS);
  const outcomeTtlMs = positive(problems, 'outcomeTtlMs', options.outcomeTtlMs, DEFAULT_OUTCOME_TTL_MS);
  const maxOutcomeBytes = positive(problems, 'maxOutcomeBytes', options.maxOutcomeBytes, DEFAULT_MAX_OUTCOME_BYTES);
  if (options.owner !== undefined && (typeof options.owner !== 'string' || options.owner.length > 200)) {
    problems.push('owner must be a string of at most 200 characters');
  }
  if (problems.length > 0) {
    const list = problems.map((problem) => `  - ${problem}`).join('\n');
    throw new IdempotencyInvalidArgumentError(`invalid idempotency store options:\n${list}`);
  }
  const connectionName = options.connectionName ?? 'procurelink-idempotency';
  const redis = new Redis(options.url, { ...options.auth, ...connectionOptions({ commandTimeoutMs, connectTimeoutMs, connectionName }) });
  return new RedisIdempotencyStore(redis, {
    keyPrefix,
    claimTtlMs,
    outcomeTtlMs,
    maxOutcomeBytes,
    owner: options.owner ?? '',
    connectTimeoutMs,
    endpoint,
  });
}
