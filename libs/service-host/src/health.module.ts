import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController, SERVICE_NAME } from './health.controller';
import { EXTRA_READINESS_CHECKS, Readiness, READINESS_OPTIONS, type ReadinessOptions } from './health-readiness';
import type { ReadinessCheck } from './health-report';

/**
 * GET /health/live, GET /health/ready and GET /metrics on the service's own port:
 * `HealthModule.forService('po-sync', { settings: config })` checks Kafka (broker and consumer),
 * the schema registry and Redis; `checks` adds the app's own (ops: PostgreSQL).
 */
@Module({})
export class HealthModule {
  static forService(service: string, readiness: ReadinessOptions = {}): DynamicModule {
    const extra = readiness.checks ?? [];
    const tokens = extra.map((check) => Symbol(`READINESS_CHECK_${check.name}`));
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: READINESS_OPTIONS, useValue: readiness },
        ...extra.map((check, i) => ({ provide: tokens[i] as symbol, inject: check.inject ?? [], useFactory: check.useFactory })),
        {
          provide: EXTRA_READINESS_CHECKS,
          inject: tokens,
          useFactory: (...probes: Array<() => Promise<void>>): ReadinessCheck[] =>
            probes.map((probe, i) => ({ name: (extra[i] as { name: string }).name, probe })),
        },
        Readiness,
      ],
    };
  }
}
