import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { CanonicalCodec } from '@procurelink/canonical-schemas';
import { ERP_VENDOR_PORT, ErpConnectorModule, type ErpVendorPort } from '@procurelink/erp-connector';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import {
  idempotencyClaims,
  JsonDecoder,
  MessagingModule,
  prepareServiceTopics,
  PRODUCER_PORT,
  TopicRoutedDecoder,
  type MessagingOptions,
  type ProducerPort,
} from '@procurelink/messaging';
import { closeAtShutdown, HealthModule, kafkaClientOptions, redisClientOptions, serviceRedis } from '@procurelink/service-host';
import { SystemApiModule } from '@procurelink/system-api';
import { Redis } from 'ioredis';
import type { SupplierSyncConfig } from './config/supplier-sync-config';
import type { Tokeniser } from './supplier-changed/domain';
import { supplierSyncHandlers } from './supplier-changed/handlers';
import { SUPPLIER_SYNC_ROUTES, SupplierRecordsController, SuppliersController } from './supplier-changed/http';
import { HmacTokeniser } from './supplier-changed/infra/hmac-tokeniser';
import { RedisSupplierStore } from './supplier-changed/infra/redis-supplier-store';
import { SUPPLIER_STORE, type SupplierStore } from './supplier-changed/ports';
import { ProducerRelay } from './supplier-changed/producer-relay';
import { sourceEventId } from './supplier-changed/source';
import { SupplierBankDetails } from './supplier-changed/supplier-bank-details';
import { SupplierChangeFlow } from './supplier-changed/supplier-change.flow';
import { SupplierStatusLookup } from './supplier-changed/supplier-status-lookup';
import { CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT, SUPPLIER_SYNC_CONFIG, SUPPLIER_SYNC_REDIS, TOKENISER } from './supplier-sync.tokens';
import { ERP_VENDOR_RECORD, PURCHASING_SUPPLIER_RECORD, supplierSyncTopics, supplierSyncTopology } from './supplier-sync.topics';

const PARTITIONS = 3;

/** Binds the runtime's producer to the relay the handlers were built with. */
@Injectable()
class ProducerRelayBinding {
  constructor(@Inject(ProducerRelay) relay: ProducerRelay, @Inject(PRODUCER_PORT) producer: ProducerPort) {
    relay.bind(producer);
  }
}

/** Creates the topics supplier-sync touches (3 partitions) and registers the canonical schemas. */
async function prepareTopicsAndCodec(config: SupplierSyncConfig): Promise<CanonicalCodec> {
  const topics = supplierSyncTopics(config.topicPrefix);
  await prepareServiceTopics({
    ...kafkaClientOptions(config, 'supplier-sync-admin'),
    topics: [topics.erpVendors, topics.purchasingSuppliers, topics.purchasingTarget, topics.canonical],
    topology: supplierSyncTopology(config.topicPrefix, config.retryDelaysMs),
    partitions: PARTITIONS,
  });
  return CanonicalCodec.register(config.schemaRegistryUrl, { topicPrefix: config.topicPrefix, ...(config.schemaRegistryAuth ? { auth: config.schemaRegistryAuth } : {}) });
}

/** Redis, the tokeniser, the canonical codec (after the topics exist), the producer relay and the ERP ports. */
@Module({})
class SupplierSyncResourcesModule {
  static forRoot(config: SupplierSyncConfig): DynamicModule {
    const erp = ErpConnectorModule.forRoot({ baseUrl: config.erpBaseUrl, timeoutMs: config.erpTimeoutMs, batch: config.erpBatch });
    return {
      module: SupplierSyncResourcesModule,
      imports: [erp],
      providers: [
        { provide: SUPPLIER_SYNC_CONFIG, useValue: config },
        { provide: SUPPLIER_SYNC_REDIS, useFactory: () => serviceRedis(config, 'supplier-sync') },
        {
          provide: IDEMPOTENCY_STORE_CLIENT,
          useFactory: () => createRedisIdempotencyStore({ url: config.redisUrl, auth: redisClientOptions(config), owner: 'supplier-sync', connectionName: 'supplier-sync-idempotency' }),
        },
        { provide: SUPPLIER_STORE, inject: [SUPPLIER_SYNC_REDIS], useFactory: (redis: Redis) => new RedisSupplierStore(redis, config.topicPrefix) },
        { provide: TOKENISER, useFactory: () => new HmacTokeniser({ keyId: config.tokenKeyId, secret: config.tokenSecret }) },
        { provide: CANONICAL_ENCODER, useFactory: () => prepareTopicsAndCodec(config) },
        { provide: ProducerRelay, useValue: new ProducerRelay() },
        closeAtShutdown(SUPPLIER_SYNC_REDIS, IDEMPOTENCY_STORE_CLIENT), // after the consumers have stopped
      ],
      exports: [erp, SUPPLIER_SYNC_CONFIG, SUPPLIER_STORE, TOKENISER, CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT, ProducerRelay],
    };
  }
}

/**
 * The supplier-sync service: ERP vendor and purchasing supplier records → matched, merged,
 * validated supplier masters in Redis; ERP vendor upserts and purchasing pushes for the systems
 * that lack a change; SupplierSynced / SupplierBankDetailsChanged on p2p.supplier.v1. Exports
 * SupplierBankDetails (confirm a bank change, releasing the hold) and SupplierStatusLookup, and
 * serves them with the source-record submissions as the /v1/suppliers system API.
 */
@Module({})
export class SupplierSyncModule {
  static forRoot(config: SupplierSyncConfig): DynamicModule {
    const resources = SupplierSyncResourcesModule.forRoot(config);
    const topics = supplierSyncTopics(config.topicPrefix);
    return {
      module: SupplierSyncModule,
      imports: [
        HealthModule.forService('supplier-sync', { settings: config }),
        resources,
        MessagingModule.forRootAsync({
          imports: [resources],
          inject: [ERP_VENDOR_PORT, SUPPLIER_STORE, CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT, TOKENISER, ProducerRelay],
          useFactory: ((erp: ErpVendorPort, store: SupplierStore, encoder: CanonicalCodec, idempotency: RedisIdempotencyStore, tokeniser: Tokeniser, producer: ProducerRelay): MessagingOptions => ({
            client: kafkaClientOptions(config, 'supplier-sync'),
            keyConcurrency: config.consumerKeyConcurrency,
            topology: supplierSyncTopology(config.topicPrefix, config.retryDelaysMs),
            decoder: new TopicRoutedDecoder({
              [topics.erpVendors]: new JsonDecoder({ [topics.erpVendors]: ERP_VENDOR_RECORD }, (value) => sourceEventId('erp', value)),
              [topics.purchasingSuppliers]: new JsonDecoder({ [topics.purchasingSuppliers]: PURCHASING_SUPPLIER_RECORD }, (value) => sourceEventId('purchasing', value)),
            }),
            handlers: supplierSyncHandlers(
              new SupplierChangeFlow({ store, erp, encoder, producer, tokeniser, purchasingTopic: topics.purchasingTarget, tenant: config.tenant, facilityId: config.facilityId }),
            ),
            claims: idempotencyClaims(idempotency),
          })) as (...deps: never[]) => MessagingOptions,
        }),
        SystemApiModule.forRoot({
          service: 'supplier-sync',
          auth: config.api.auth,
          redisUrl: config.redisUrl,
          redisOptions: redisClientOptions(config),
          rateLimitPerMinute: config.api.rateLimitPerMinute,
          strictTransportSecurity: config.environment === 'production',
          keyPrefix: `procurelink:supplier-sync:api:${config.topicPrefix}`,
          openApi: { title: 'Procurelink supplier-sync', version: '1', routes: SUPPLIER_SYNC_ROUTES },
        }),
      ],
      controllers: [SupplierRecordsController, SuppliersController],
      providers: [
        ProducerRelayBinding,
        {
          provide: SupplierBankDetails,
          inject: [SUPPLIER_STORE, PRODUCER_PORT, CANONICAL_ENCODER],
          useFactory: (store: SupplierStore, producer: ProducerPort, encoder: CanonicalCodec) =>
            new SupplierBankDetails({ store, producer, encoder, tenant: config.tenant, facilityId: config.facilityId }),
        },
        { provide: SupplierStatusLookup, inject: [SUPPLIER_STORE], useFactory: (store: SupplierStore) => new SupplierStatusLookup(store) },
      ],
      exports: [SupplierBankDetails, SupplierStatusLookup],
    };
  }
}
