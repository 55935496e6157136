import type { RedisOptions } from 'ioredis';
import type { AuthConfig } from '../domain/auth-config';
import type { OpenApiInfo } from '../domain/openapi';

export interface SystemApiOptions {
  /** The service name (logs, OpenAPI). */
  readonly service: string;
  readonly auth: AuthConfig;
  readonly redisUrl: string;
  /** AUTH and TLS of the Redis connection (`redisClientOptions(config)` of @procurelink/service-host). */
  readonly redisOptions?: Pick<RedisOptions, 'username' | 'password' | 'tls'>;
  /** Requests per client (API key, JWT subject, or IP when anonymous) per minute, shared in Redis (default 600). */
  readonly rateLimitPerMinute?: number;
  /** Sends Strict-Transport-Security (production: behind TLS). Default false. */
  readonly strictTransportSecurity?: boolean;
  /** Prefix of every Redis key this module writes (e.g. `procurelink:po-sync:api:`); tests isolate with it. */
  readonly keyPrefix: string;
  /** How long an Idempotency-Key is remembered, seconds (default 86400). */
  readonly idempotencyTtlSeconds?: number;
  readonly openApi: OpenApiInfo;
  /** The token of the ProducerPort to publish with (default PRODUCER_PORT from @procurelink/messaging). */
  readonly producerToken?: string | symbol;
}

export const SYSTEM_API_OPTIONS = Symbol('SYSTEM_API_OPTIONS');
export const SYSTEM_API_REDIS = Symbol('SYSTEM_API_REDIS');
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 86_400;
/** How long GET /v1/submissions/:trackingId answers after a submission, seconds (7 days). */
export const RECEIPT_TTL_SECONDS = 7 * 86_400;
