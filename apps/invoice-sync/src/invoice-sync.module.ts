import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { CanonicalCodec } from '@procurelink/canonical-schemas';
import { ERP_AP_INVOICE_PORT, ErpConnectorModule, type ErpApInvoicePort } from '@procurelink/erp-connector';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import {
  AvroRegistryDecoder,
  canonicalRegistry,
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
import type { InvoiceSyncConfig } from './config/invoice-sync-config';
import { AP_INVOICE_EVENT_TYPE, invoiceSyncHandlers } from './invoice-received/handlers';
import { INVOICE_ROUTES, INVOICE_SUBMISSION_TOPIC, InvoicesController } from './invoice-received/http';
import { invoiceSyncKeyBase, RedisInvoiceSyncStore } from './invoice-received/infra/redis-invoice-sync-store';
import { InvoiceFlow } from './invoice-received/invoice-flow';
import { InvoiceStatusLookup } from './invoice-received/invoice-status-lookup';
import { rawApInvoiceEventId } from './invoice-received/mapping';
import { INVOICE_SYNC_STORE, type InvoiceSyncStore } from './invoice-received/ports/invoice-sync-store';
import { ReceiptWaitSweeper } from './invoice-received/receipt-wait-sweeper';
import { ReferenceFlow } from './invoice-received/reference-flow';
import { CANONICAL_ENCODER, IDEMPOTENCY_STORE_CLIENT, INVOICE_FLOW, INVOICE_SYNC_REDIS } from './invoice-sync.tokens';
import { invoiceSyncTopics, invoiceSyncTopology } from './invoice-sync.topics';

const PARTITIONS = 3;
const INVOICE_SYNC_CONFIG = Symbol('INVOICE_SYNC_CONFIG');

/** Runs the receipt-wait sweeper while the application runs; it publishes through the producer port. */
@Injectable()
class ReceiptWaitSweeperHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweeper: ReceiptWaitSweeper;

  constructor(
    @Inject(INVOICE_SYNC_CONFIG) config: InvoiceSyncConfig,
    @Inject(INVOICE_SYNC_STORE) store: InvoiceSyncStore,
    @Inject(INVOICE_FLOW) invoices: InvoiceFlow,
    @Inject(PRODUCER_PORT) producer: ProducerPort,
  ) {
    const logger = new Logger('ReceiptWaitSweeper');
    this.sweeper = new ReceiptWaitSweeper({
      store,
      invoices,
      publish: (records) => producer.send(records),
      intervalMs: config.receiptWaitSweepMs,
      onError: (invoiceId, error) => logger.warn(`review of waiting invoice ${invoiceId} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
  }
}

/** Redis, the canonical codec (after the topics exist), the ERP AP port and the invoice flow. */
@Module({})
class InvoiceSyncResourcesModule {
  static forRoot(config: InvoiceSyncConfig): DynamicModule {
    const erp = ErpConnectorModule.forRoot({ baseUrl: config.erpBaseUrl, timeoutMs: config.erpTimeoutMs, batch: config.erpBatch });
    return {
      module: InvoiceSyncResourcesModule,
      imports: [erp],
      providers: [
        { provide: INVOICE_SYNC_CONFIG, useValue: config },
        { provide: INVOICE_SYNC_REDIS, useFactory: () => serviceRedis(config, 'invoice-sync') },
        {
          provide: IDEMPOTENCY_STORE_CLIENT,
          useFactory: () => createRedisIdempotencyStore({ url: config.redisUrl, auth: redisClientOptions(config), owner: 'invoice-sync', connectionName: 'invoice-sync-idempotency' }),
        },
        { provide: INVOICE_SYNC_STORE, inject: [INVOICE_SYNC_REDIS], useFactory: (redis: Redis) => new RedisInvoiceSyncStore(redis, config.topicPrefix) },
        { provide: CANONICAL_ENCODER, useFactory: () => prepareTopicsAndCodec(config) },
        {
          provide: INVOICE_FLOW,
          inject: [INVOICE_SYNC_STORE, ERP_AP_INVOICE_PORT, CANONICAL_ENCODER],
          useFactory: (store: InvoiceSyncStore, erp: ErpApInvoicePort, encoder: CanonicalCodec) =>
            new InvoiceFlow({ store, erp, encoder, config: config.match, tenant: config.tenant }),
        },
        closeAtShutdown(INVOICE_SYNC_REDIS, IDEMPOTENCY_STORE_CLIENT), // after the consumers and the sweeper have stopped
      ],
      exports: [INVOICE_SYNC_CONFIG, INVOICE_SYNC_STORE, INVOICE_FLOW, IDEMPOTENCY_STORE_CLIENT],
    };
  }
}

/** Creates the topics invoice-sync touches (3 partitions) and registers the canonical schemas. */
async function prepareTopicsAndCodec(config: InvoiceSyncConfig): Promise<CanonicalCodec> {
  const topics = invoiceSyncTopics(config.topicPrefix);
  await prepareServiceTopics({
    ...kafkaClientOptions(config, 'invoice-sync-admin'),
    topics: [topics.apInvoices, topics.purchaseOrders, topics.suppliers, topics.invoices],
    topology: invoiceSyncTopology(config.topicPrefix, config.retryDelaysMs),
    partitions: PARTITIONS,
  });
  return CanonicalCodec.register(config.schemaRegistryUrl, { topicPrefix: config.topicPrefix, ...(config.schemaRegistryAuth ? { auth: config.schemaRegistryAuth } : {}) });
}

/**
 * The invoice-sync service: AP automation invoices → duplicate check, three-way match against
 * the PO views and receipts projected from p2p.purchase-order.v1 and the supplier standing from
 * p2p.supplier.v1 → ERP AP posting and InvoiceMatched / InvoicePosted, or InvoiceException, on
 * p2p.invoice.v1. Invoices waiting for a receipt (or their PO) are decided again when it arrives,
 * and by the receipt-wait sweeper.
 */
@Module({})
export class InvoiceSyncModule {
  static forRoot(config: InvoiceSyncConfig): DynamicModule {
    const resources = InvoiceSyncResourcesModule.forRoot(config);
    const topics = invoiceSyncTopics(config.topicPrefix);
    return {
      module: InvoiceSyncModule,
      imports: [
        HealthModule.forService('invoice-sync', { settings: config }),
        resources,
        // The HTTP system API; it publishes through the PRODUCER_PORT that MessagingModule provides.
        SystemApiModule.forRoot({
          service: 'invoice-sync',
          auth: config.api.auth,
          redisUrl: config.redisUrl,
          redisOptions: redisClientOptions(config),
          rateLimitPerMinute: config.api.rateLimitPerMinute,
          strictTransportSecurity: config.environment === 'production',
          keyPrefix: `${invoiceSyncKeyBase(config.topicPrefix)}api:`,
          openApi: { title: 'Invoice sync', version: '1', routes: INVOICE_ROUTES },
        }),
        MessagingModule.forRootAsync({
          imports: [resources],
          inject: [INVOICE_SYNC_STORE, INVOICE_FLOW, IDEMPOTENCY_STORE_CLIENT],
          useFactory: ((store: InvoiceSyncStore, invoices: InvoiceFlow, idempotency: RedisIdempotencyStore): MessagingOptions => {
            const canonical = new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth));
            return {
              client: kafkaClientOptions(config, 'invoice-sync'),
              keyConcurrency: config.consumerKeyConcurrency,
              topology: invoiceSyncTopology(config.topicPrefix, config.retryDelaysMs),
              decoder: new TopicRoutedDecoder({
                [topics.apInvoices]: new JsonDecoder({ [topics.apInvoices]: AP_INVOICE_EVENT_TYPE }, rawApInvoiceEventId),
                [topics.purchaseOrders]: canonical,
                [topics.suppliers]: canonical,
              }),
              handlers: invoiceSyncHandlers(invoices, new ReferenceFlow(store, invoices)),
              claims: idempotencyClaims(idempotency),
            };
          }) as (...deps: never[]) => MessagingOptions,
        }),
      ],
      controllers: [InvoicesController],
      providers: [
        ReceiptWaitSweeperHost,
        { provide: INVOICE_SUBMISSION_TOPIC, useValue: topics.apInvoices },
        { provide: InvoiceStatusLookup, inject: [INVOICE_SYNC_STORE], useFactory: (store: InvoiceSyncStore) => new InvoiceStatusLookup(store) },
      ],
    };
  }
}
