import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AvroRegistryDecoder, canonicalRegistry, MessagingModule, prepareServiceTopics, type MessagingOptions, type RecordDecoder } from '@procurelink/messaging';
import { HealthModule, kafkaClientOptions, redisClientOptions } from '@procurelink/service-host';
import { SystemApiModule, type ApiRouteDoc } from '@procurelink/system-api';
import type { Pool } from 'pg';
import type { OpsConfig } from './config/ops-config';
import { OPS_DB, OpsDatabaseModule } from './db';
import { OPS_AVRO_DECODER, OPS_CONFIG } from './ops.tokens';
import { opsTopics, opsTopology } from './ops.topics';
import { DeadLetterDecoder, LenientJsonDecoder, OpsDecoder, opsHandlers, PAYMENT_ALERT_EVENTS } from './projection';
import { OpsMetricsModule, opsPostgresCheck } from './metrics';
import { DeadLettersController, DocumentsController, OPS_READ_ROUTES, OverviewController } from './read-api';

const PARTITIONS = 3;

/** What other parts of ops (replay, reconciliation, SLAs) plug into the app. */
export interface OpsExtensions {
  /**
   * Modules to import; OPS_DB (global), OPS_CONFIG and OPS_AVRO_DECODER are injectable in them.
   * Given as a function, it receives ops' messaging module (which exports PRODUCER_PORT).
   */
  readonly imports?: ReadonlyArray<DynamicModule | Type<unknown>> | ((shared: { readonly messaging: DynamicModule }) => ReadonlyArray<DynamicModule | Type<unknown>>);
  /** Their routes, for the OpenAPI document. */
  readonly routes?: readonly ApiRouteDoc[];
}

/** Config and the Avro decoder, shared by the consumers, the read API and the extensions. */
@Module({})
class OpsResourcesModule {
  static forRoot(config: OpsConfig): DynamicModule {
    return {
      module: OpsResourcesModule,
      global: true,
      providers: [
        { provide: OPS_CONFIG, useValue: config },
        { provide: OPS_AVRO_DECODER, useFactory: (): RecordDecoder => new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth)) },
      ],
      exports: [OPS_CONFIG, OPS_AVRO_DECODER],
    };
  }
}

/** Ops' consumer: canonical topics (Avro), dead-letter topics (raw), payment alerts (lenient JSON). */
function opsMessaging(config: OpsConfig, resources: DynamicModule): DynamicModule {
  return MessagingModule.forRootAsync({
    imports: [resources],
    inject: [OPS_DB, OPS_AVRO_DECODER],
    useFactory: (async (db: Pool, avro: RecordDecoder): Promise<MessagingOptions> => {
      const topics = opsTopics(config.topicPrefix);
      const topology = opsTopology(config.topicPrefix, config.retryDelaysMs);
      await prepareServiceTopics({ ...kafkaClientOptions(config, 'ops-admin'), topics: topology.sourceTopics, topology, partitions: PARTITIONS });
      const alerts = new LenientJsonDecoder('PaymentAlert', PAYMENT_ALERT_EVENTS);
      return {
        client: kafkaClientOptions(config, 'ops'),
        topology,
        decoder: new OpsDecoder({
          deadLetterTopics: topics.deadLetters,
          deadLetters: new DeadLetterDecoder(),
          byTopic: { ...Object.fromEntries(topics.canonical.map((topic) => [topic, avro])), [topics.paymentAlerts]: alerts },
        }),
        handlers: opsHandlers({ db, avro }),
      };
    }) as (...deps: never[]) => Promise<MessagingOptions>,
  });
}

/**
 * The ops service: consumes every canonical topic, every service's dead-letter topic and the
 * payment alerts into PostgreSQL (schema OPS_DB_SCHEMA, migrated at start-up), and serves the
 * read API (/v1/overview, /v1/documents, /v1/trace, /v1/dead-letters) under system-api auth.
 * Replay, reconciliation and SLA modules plug in through `extensions`.
 */
@Module({})
export class OpsModule {
  static forRoot(config: OpsConfig, extensions: OpsExtensions = {}): DynamicModule {
    const resources = OpsResourcesModule.forRoot(config);
    const messaging = opsMessaging(config, resources);
    const extra = typeof extensions.imports === 'function' ? extensions.imports({ messaging }) : (extensions.imports ?? []);
    return {
      module: OpsModule,
      imports: [
        HealthModule.forService('ops', { settings: config, checks: [opsPostgresCheck] }),
        OpsMetricsModule,
        OpsDatabaseModule.forRoot({ databaseUrl: config.database.url, schema: config.database.schema, migrationsDir: config.database.migrationsDir }),
        resources,
        messaging,
        SystemApiModule.forRoot({
          service: 'ops',
          auth: config.api.auth,
          redisUrl: config.redisUrl,
          redisOptions: redisClientOptions(config),
          rateLimitPerMinute: config.api.rateLimitPerMinute,
          strictTransportSecurity: config.environment === 'production',
          keyPrefix: `procurelink:ops:api:${config.topicPrefix}`,
          openApi: { title: 'Procurelink ops', version: '1', routes: [...OPS_READ_ROUTES, ...(extensions.routes ?? [])] },
        }),
        ...extra,
      ],
      controllers: [OverviewController, DocumentsController, DeadLettersController],
    };
  }
}
