import { logRedisErrors } from '@procurelink/observability';
import { Redis } from 'ioredis';
import { redisClientOptions } from './security-clients';
import type { RedisAuth } from './security-settings';

/**
 * The Redis connection a service keeps its state in: the settings' auth and TLS, two retries per
 * command, and auto-pipelining, so the reads and writes the concurrent handlers of a batch make in
 * one turn of the event loop leave in one write (measured in bench/flow-cost.ts: 0.02–0.036 ms of
 * client CPU per command alone, 0.006 pipelined). Its connection errors are structured log lines
 * (logRedisErrors), not ioredis's "Unhandled error event" on stderr.
 */
export function serviceRedis(settings: { readonly redisUrl: string; readonly redisAuth?: RedisAuth }, connectionName: string): Redis {
  const redis = new Redis(settings.redisUrl, { ...redisClientOptions(settings), maxRetriesPerRequest: 2, enableAutoPipelining: true, connectionName });
  logRedisErrors(redis, connectionName);
  return redis;
}
