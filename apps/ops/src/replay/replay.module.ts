import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { RegistryCredentials } from '@procurelink/canonical-schemas';
import { logRedisErrors } from '@procurelink/observability';
import { Redis, type RedisOptions } from 'ioredis';
import type { Pool } from 'pg';
import { OPS_DB } from '../db';
import { ReplayController } from './http/replay.controller';
import { PgReplayStore } from './infra/pg-replay-store';
import { RedisClaimLookup, serviceStoreKeyPrefix } from './infra/redis-claim-lookup';
import { RegistryEnvelopeReader } from './infra/registry-envelope-reader';
import { CLAIM_LOOKUP, ENVELOPE_READER, REPLAY_STORE } from './ports';
import { REPLAY_CLOCK, ReplayService } from './replay.service';

export interface ReplayModuleOptions {
  /** The Redis of the services' idempotency stores (read only: MGET). */
  readonly redisUrl: string;
  /** AUTH and TLS of that Redis (`redisClientOptions(config)` of @procurelink/service-host). */
  readonly redisOptions?: Pick<RedisOptions, 'username' | 'password' | 'tls'>;
  /** The schema registry, to read the envelope event id of Avro dead letters. */
  readonly schemaRegistryUrl: string;
  readonly schemaRegistryAuth?: RegistryCredentials | undefined;
  /** The deployment's topic prefix (where payment-status keeps its claims depends on it). */
  readonly topicPrefix: string;
  /** Modules exporting PRODUCER_PORT (the app's MessagingModule instance). OPS_DB comes from the global OpsDatabaseModule. */
  readonly imports?: DynamicModule['imports'];
  /** Override of the Redis key prefix of a consumer group's idempotency store; default serviceStoreKeyPrefix(topicPrefix). */
  readonly storeKeyPrefix?: (consumerGroup: string) => string;
}

const REPLAY_REDIS = Symbol('REPLAY_REDIS');

@Injectable()
class ReplayRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REPLAY_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * Dead-letter replay: POST /v1/dead-letters/replay (scope ops:replay), GET /v1/replays and
 * /v1/replays/:id (ops:read). Needs OPS_DB (global), PRODUCER_PORT (from `imports`) and the
 * app's SystemApiModule (its global guard enforces the scopes). Add REPLAY_ROUTES to the OpenAPI routes.
 */
@Module({})
export class ReplayModule {
  static forRoot(options: ReplayModuleOptions): DynamicModule {
    return {
      module: ReplayModule,
      imports: [...(options.imports ?? [])],
      controllers: [ReplayController],
      providers: [
        {
          provide: REPLAY_REDIS,
          useFactory: () => {
            const redis = new Redis(options.redisUrl, { ...options.redisOptions, connectionName: 'ops-replay-claims', maxRetriesPerRequest: 1, commandTimeout: 2000, enableOfflineQueue: true });
            logRedisErrors(redis, 'ops-replay-claims');
            return redis;
          },
        },
        ReplayRedisCloser,
        {
          provide: CLAIM_LOOKUP,
          inject: [REPLAY_REDIS],
          useFactory: (redis: Redis) => new RedisClaimLookup(redis, options.storeKeyPrefix ?? serviceStoreKeyPrefix(options.topicPrefix)),
        },
        { provide: ENVELOPE_READER, useFactory: () => new RegistryEnvelopeReader(options.schemaRegistryUrl, options.schemaRegistryAuth) },
        { provide: REPLAY_STORE, inject: [OPS_DB], useFactory: (pool: Pool) => new PgReplayStore(pool) },
        { provide: REPLAY_CLOCK, useValue: Date.now },
        ReplayService,
      ],
      exports: [ReplayService],
    };
  }
}
