import { Inject, Logger, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { Redis } from 'ioredis';
import { RATE_LIMITER } from '../domain/rate-limit';
import { SUBMISSION_STORE } from '../domain/submission-store.port';
import { RedisRateLimiter } from '../infra/redis-rate-limiter';
import { RedisSubmissionStore } from '../infra/redis-submission-store';
import { SystemApiAuthGuard } from './auth.guard';
import { OpenApiController } from './openapi.controller';
import { ProblemDetailsFilter } from './problem.filter';
import { SystemApiRateLimit } from './rate-limit';
import { strictTransportSecurity } from './security-headers';
import { ReceiptInterceptor } from './receipt.interceptor';
import { SubmissionService } from './submission.service';
import { SubmissionsController } from './submissions.controller';
import { SYSTEM_API_OPTIONS, SYSTEM_API_REDIS, type SystemApiOptions } from './system-api.options';

/**
 * The system API of a service: a global guard (API keys / JWT, scopes, secure by default), the
 * problem+json filter, the 202 receipt interceptor, the SubmissionService, and the routes
 * GET /v1/submissions/:trackingId, /v1/openapi.json and /v1/docs. The producer is looked up by
 * token (PRODUCER_PORT) anywhere in the application: import MessagingModule in the service.
 */
@Module({})
export class SystemApiModule implements NestModule, OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(SYSTEM_API_REDIS) private readonly redis: Redis,
    @Inject(SYSTEM_API_OPTIONS) private readonly options: SystemApiOptions,
  ) {}

  static forRoot(options: SystemApiOptions): DynamicModule {
    if (options.keyPrefix === '') throw new Error('SystemApiModule: keyPrefix must not be empty');
    return {
      module: SystemApiModule,
      controllers: [SubmissionsController, OpenApiController],
      providers: [
        { provide: SYSTEM_API_OPTIONS, useValue: options },
        {
          provide: SYSTEM_API_REDIS,
          useFactory: () =>
            new Redis(options.redisUrl, {
              ...options.redisOptions,
              lazyConnect: true,
              connectionName: `${options.service}:system-api`,
              maxRetriesPerRequest: 1,
              commandTimeout: 2_000,
              connectTimeout: 2_000,
              retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2_000),
            }),
        },
        { provide: SUBMISSION_STORE, inject: [SYSTEM_API_REDIS], useFactory: (redis: Redis) => new RedisSubmissionStore(redis, options.keyPrefix) },
        { provide: RATE_LIMITER, inject: [SYSTEM_API_REDIS], useFactory: (redis: Redis) => new RedisRateLimiter(redis, options.keyPrefix) },
        SystemApiRateLimit,
        SubmissionService,
        { provide: APP_GUARD, useClass: SystemApiAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: ReceiptInterceptor },
      ],
      exports: [SubmissionService, SystemApiRateLimit],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.options.strictTransportSecurity === true) consumer.apply(strictTransportSecurity).forRoutes('*');
  }

  async onModuleInit(): Promise<void> {
    const logger = new Logger('SystemApi');
    if (this.options.auth.devKeyInUse) {
      logger.warn('API_KEYS is unset: the documented development key (procurelink-dev-key, every scope) is accepted; never use this outside development');
    }
    // Fail fast at start-up when Redis is unreachable (ioredis reconnects by itself afterwards).
    let reported = false;
    this.redis.on('ready', () => (reported = false));
    this.redis.on('error', (error: Error) => {
      if (!reported) logger.error(`Redis: ${error.message}; submissions answer 503 until it is back`);
      reported = true;
    });
    await this.redis.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
