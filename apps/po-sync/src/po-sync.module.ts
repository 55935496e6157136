import { Module, type DynamicModule } from '@nestjs/common';
import { CanonicalCodec } from '@procurelink/canonical-schemas';
import { ERP_ENCUMBRANCE_PORT, ErpConnectorModule, type ErpEncumbrancePort } from '@procurelink/erp-connector';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import { idempotencyClaims, JsonDecoder, MessagingModule, prepareServiceTopics, TopicRoutedDecoder, type MessagingOptions } from '@procurelink/messaging';
import { closeAtShutdown, HealthModule, kafkaClientOptions, redisClientOptions, serviceRedis } from '@procurelink/service-host';
import { SystemApiModule } from '@procurelink/system-api';
import { Redis } from 'ioredis';
import type { PoSyncConfig } from './config/po-sync-config';
import { GoodsReceiptFlow } from './purchase-order/goods-receipt-flow';
import { GoodsReceiptsController, PO_SYNC_ROUTES, PurchaseOrdersController } from './purchase-order/http';
import { poSyncHandlers } from './purchase-order/handlers';
import { RedisPurchaseOrderStore } from './purchase-order/infra/redis-purchase-order-store';
import { loadReferenceFile } from './purchase-order/infra/load-reference-file';
import { rawPoEventId, rawReceiptEventId } from './purchase-order/mapping';
import { PURCHASE_ORDER_STORE, type PurchaseOrderStore } from './purchase-order/ports/purchase-order-store';
import { PurchaseOrderFlow } from './purchase-order/purchase-order-flow';
import type { ReferenceDirectory } from './purchase-order/reference/reference-file';
import { CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT, PO_SYNC_CONFIG, PO_SYNC_REDIS, REFERENCE_DIRECTORY } from './po-sync.tokens';
import { poSyncTopics, poSyncTopology } from './po-sync.topics';

const PARTITIONS = 3;

/** Redis, the reference data, the canonical codec (after the topics exist) and the ERP ports. */
@Module({})
class PoSyncResourcesModule {
  static forRoot(config: PoSyncConfig, directory: ReferenceDirectory): DynamicModule {
    const erp = ErpConnectorModule.forRoot({ baseUrl: config.erpBaseUrl, timeoutMs: config.erpTimeoutMs, batch: config.erpBatch });
    return {
      module: PoSyncResourcesModule,
      imports: [erp],
      providers: [
        { provide: PO_SYNC_CONFIG, useValue: config },
        { provide: REFERENCE_DIRECTORY, useValue: directory },
        { provide: PO_SYNC_REDIS, useFactory: () => serviceRedis(config, 'po-sync') },
        { provide: IDEMPOTENCY_STORE_CLIENT, useFactory: () => createRedisIdempotencyStore({ url: config.redisUrl, auth: redisClientOptions(config), owner: 'po-sync', connectionName: 'po-sync-idempotency' }) },
        { provide: PURCHASE_ORDER_STORE, inject: [PO_SYNC_REDIS], useFactory: (redis: Redis) => new RedisPurchaseOrderStore(redis, config.topicPrefix) },
        { provide: CANONICAL_ENCODER, useFactory: () => prepareTopicsAndCodec(config) },
        closeAtShutdown(PO_SYNC_REDIS, IDEMPOTENCY_STORE_CLIENT), // after the consumers have stopped
      ],
      exports: [erp, PO_SYNC_CONFIG, REFERENCE_DIRECTORY, PURCHASE_ORDER_STORE, CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT],
    };
  }
}

/** Creates the topics po-sync touches (3 partitions) and registers the canonical schemas. */
async function prepareTopicsAndCodec(config: PoSyncConfig): Promise<CanonicalCodec> {
  const topics = poSyncTopics(config.topicPrefix);
  await prepareServiceTopics({
    ...kafkaClientOptions(config, 'po-sync-admin'),
    topics: [topics.purchaseOrders, topics.goodsReceipts, topics.canonical],
    topology: poSyncTopology(config.topicPrefix, config.retryDelaysMs),
    partitions: PARTITIONS,
  });
  return CanonicalCodec.register(config.schemaRegistryUrl, { topicPrefix: config.topicPrefix, ...(config.schemaRegistryAuth ? { auth: config.schemaRegistryAuth } : {}) });
}

/**
 * The po-sync service: purchasing PO records → validated, encumbered in the ERP, published as
 * canonical PO events; inventory receipts → checked against the PO lines, published as
 * GoodsReceived. State per PO in Redis. `forRoot` loads the reference data at once, so a bad
 * file stops the start-up with a message naming every problem. The governed HTTP system API
 * (POST /v1/purchase-orders, POST /v1/goods-receipts, GET /v1/purchase-orders/:poNumber) publishes
 * onto the same source topics and reads the same Redis state.
 */
@Module({})
export class PoSyncModule {
  static forRoot(config: PoSyncConfig): DynamicModule {
    const directory = loadReferenceFile(config.referenceDataPath);
    const resources = PoSyncResourcesModule.forRoot(config, directory);
    return {
      module: PoSyncModule,
      imports: [
        HealthModule.forService('po-sync', { settings: config }),
        MessagingModule.forRootAsync({
          imports: [resources],
          inject: [ERP_ENCUMBRANCE_PORT, PURCHASE_ORDER_STORE, CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT],
          useFactory: ((erp: ErpEncumbrancePort, store: PurchaseOrderStore, encoder: CanonicalCodec, idempotency: RedisIdempotencyStore): MessagingOptions => {
            const topics = poSyncTopics(config.topicPrefix);
            const common = { store, encoder, tenant: config.tenant };
            return {
              client: kafkaClientOptions(config, 'po-sync'),
              keyConcurrency: config.consumerKeyConcurrency,
              topology: poSyncTopology(config.topicPrefix, config.retryDelaysMs),
              decoder: new TopicRoutedDecoder({
                [topics.purchaseOrders]: new JsonDecoder({ [topics.purchaseOrders]: 'PurchasingPurchaseOrder' }, rawPoEventId),
                [topics.goodsReceipts]: new JsonDecoder({ [topics.goodsReceipts]: 'InventoryGoodsReceipt' }, rawReceiptEventId),
              }),
              handlers: poSyncHandlers(
                new PurchaseOrderFlow({ ...common, erp, directory }),
                new GoodsReceiptFlow({ ...common, directory, rules: config.receiptRules }),
              ),
              claims: idempotencyClaims(idempotency),
            };
          }) as (...deps: never[]) => MessagingOptions,
        }),
        resources,
        SystemApiModule.forRoot({
          service: 'po-sync',
          auth: config.api.auth,
          redisUrl: config.redisUrl,
          redisOptions: redisClientOptions(config),
          rateLimitPerMinute: config.api.rateLimitPerMinute,
          strictTransportSecurity: config.environment === 'production',
          keyPrefix: `procurelink:po-sync:api:${config.topicPrefix}`,
          openApi: { title: 'Procurelink po-sync', version: '1', routes: PO_SYNC_ROUTES },
        }),
      ],
      controllers: [PurchaseOrdersController, GoodsReceiptsController],
    };
  }
}
