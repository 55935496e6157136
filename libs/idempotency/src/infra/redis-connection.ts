import { Redis, type RedisOptions } from 'ioredis';
import { IdempotencyCorruptRecordError, IdempotencyError, IdempotencyUnavailableError } from '../domain/errors';

export interface ConnectionSettings {
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly connectionName: string;
}

/**
 * ioredis tuned to fail fast and bounded instead of queueing: no offline queue (a command sent
 * while disconnected fails at once), in-flight commands fail when the connection drops (no
 * silent re-send after reconnecting), every command has a timeout, and reconnection keeps going
 * in the background with a capped backoff so the store recovers by itself.
 */
export function connectionOptions(settings: ConnectionSettings): RedisOptions {
  return {
    connectionName: settings.connectionName,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: settings.connectTimeoutMs,
    enableReadyCheck: true,
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2_000),
  };
}

/** host:port of a Redis URL, for messages: the URL itself may carry a password. */
export function describeEndpoint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

/**
 * Resolves once the connection is ready. While the first connection (or a reconnection) is
 * being made it waits, at most `timeoutMs`; when Redis is known to be unreachable it fails at once
 * with the last connection error.
 */
export function whenReady(redis: Redis, timeoutMs: number, lastError: Error | undefined): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (redis.status !== 'connecting' && redis.status !== 'connect' && redis.status !== 'wait') {
    return Promise.reject(lastError ?? new Error(`the connection is ${redis.status}`));
  }
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error): void => {
      clearTimeout(timer);
      redis.off('ready', onReady).off('error', onError).off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = (): void => settle();
    const onError = (error: Error): void => settle(error);
    const onEnd = (): void => settle(new Error('the connection was closed'));
    const timer = setTimeout(() => settle(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', onReady).once('error', onError).once('end', onEnd);
    if (redis.status === 'wait') redis.connect().catch(() => undefined);
  });
}

/**
 * Every failure as one of this library's errors. A key of another Redis type is a corrupt record;
 * anything else Redis says or fails to say (refused, dropped, timed out, LOADING, BUSY, READONLY,
 * OOM …) is `IdempotencyUnavailableError`: retriable, and nothing may be processed meanwhile.
 */
export function toStoreError(error: unknown, operation: string, endpoint: string, key?: string): IdempotencyError {
  if (error instanceof IdempotencyError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (key !== undefined && message.startsWith('WRONGTYPE')) {
    return new IdempotencyCorruptRecordError(key, 'the key holds another Redis type', { cause: error });
  }
  const text = `idempotency store unavailable: ${operation} on Redis at ${endpoint} failed: ${message}`;
  return new IdempotencyUnavailableError(text, { cause: error });
}
