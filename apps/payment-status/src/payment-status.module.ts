import { Module, type DynamicModule } from '@nestjs/common';
import { CanonicalCodec } from '@procurelink/canonical-schemas';
import { ERP_PAYMENT_STATUS_PORT, ErpConnectorModule, type ErpPaymentStatusPort } from '@procurelink/erp-connector';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '@procurelink/idempotency';
import {
  AvroRegistryDecoder,
  canonicalRegistry,
  idempotencyClaims,
  JsonDecoder,
  MessagingModule,
  prepareServiceTopics,
  TopicRoutedDecoder,
  type MessagingOptions,
} from '@procurelink/messaging';
import { closeAtShutdown, HealthModule, kafkaClientOptions, redisClientOptions, serviceRedis } from '@procurelink/service-host';
import { SystemApiModule } from '@procurelink/system-api';
import { Redis } from 'ioredis';
import type { PaymentStatusConfig } from './config/payment-status-config';
import { PAYMENT_ROUTES, PAYMENT_SUBMISSION_TOPIC, PaymentsController } from './payment-lifecycle/http';
import { PaymentStatusKeys } from './payment-lifecycle/infra/redis-keys';
import { RedisPaymentStore } from './payment-lifecycle/infra/redis-payment-store';
import { RedisSupplierHoldStore } from './payment-lifecycle/infra/redis-supplier-hold-store';
import { PaymentLifecycleFlow } from './payment-lifecycle/payment-lifecycle.flow';
import { ERP_PAYMENT_STATUS_RECORDED, paymentStatusHandlers } from './payment-lifecycle/payment-lifecycle.handlers';
import { PaymentStatusLookup } from './payment-lifecycle/payment-status-lookup';
import { PAYMENT_STORE, SUPPLIER_HOLD_STORE, type PaymentStore, type SupplierHoldStore } from './payment-lifecycle/ports';
import { erpPaymentEventId } from './payment-lifecycle/source';
import { SupplierHoldFlow } from './payment-lifecycle/supplier-hold.flow';
import { paymentStatusTopics, type PaymentStatusTopics } from './payment-lifecycle/topics';

export const PAYMENT_STATUS_CONFIG = Symbol('PAYMENT_STATUS_CONFIG');
export const PAYMENT_STATUS_REDIS = Symbol('PAYMENT_STATUS_REDIS');
const TOPICS = Symbol('PAYMENT_STATUS_TOPICS');
const IDEMPOTENCY = Symbol('PAYMENT_STATUS_IDEMPOTENCY');
const CODEC = Symbol('PAYMENT_STATUS_CANONICAL_CODEC');

export const SERVICE = 'payment-status';

/** The consumer group: one per service, with the topic prefix. */
export const consumerGroupOf = (topicPrefix: string): string => `${topicPrefix}procurelink.${SERVICE}`;

/** State, ERP port and flows; imported by the messaging runtime so its handlers can reach the flows. */
@Module({})
class PaymentLifecycleModule {
  static forRoot(config: PaymentStatusConfig): DynamicModule {
    const topics = paymentStatusTopics(config.topicPrefix);
    const keys = new PaymentStatusKeys(config.topicPrefix);
    return {
      module: PaymentLifecycleModule,
      imports: [ErpConnectorModule.forRoot({ baseUrl: config.erpBaseUrl, timeoutMs: config.erpTimeoutMs, batch: config.erpBatch })],
      providers: [
        { provide: PAYMENT_STATUS_CONFIG, useValue: config },
        { provide: TOPICS, useValue: topics },
        { provide: PaymentStatusKeys, useValue: keys },
        { provide: PAYMENT_STATUS_REDIS, useFactory: () => serviceRedis(config, 'payment-status') },
        { provide: IDEMPOTENCY, useFactory: () => createRedisIdempotencyStore({ url: config.redisUrl, auth: redisClientOptions(config), keyPrefix: keys.base }) },
        closeAtShutdown(PAYMENT_STATUS_REDIS, IDEMPOTENCY), // after the consumers have stopped
        { provide: PAYMENT_STORE, inject: [PAYMENT_STATUS_REDIS], useFactory: (redis: Redis) => new RedisPaymentStore(redis, keys) },
        { provide: SUPPLIER_HOLD_STORE, inject: [PAYMENT_STATUS_REDIS], useFactory: (redis: Redis) => new RedisSupplierHoldStore(redis, keys) },
        {
          // Topics first (the codec's first publish needs them), then the schemas: once, at start-up.
          provide: CODEC,
          useFactory: async () => {
            await prepareServiceTopics({ ...kafkaClientOptions(config, `${SERVICE}-admin`), topics: Object.values(topics), partitions: config.topicPartitions });
            return CanonicalCodec.register(config.schemaRegistryUrl, { topicPrefix: config.topicPrefix, ...(config.schemaRegistryAuth ? { auth: config.schemaRegistryAuth } : {}) });
          },
        },
        {
          provide: PaymentLifecycleFlow,
          inject: [PAYMENT_STORE, SUPPLIER_HOLD_STORE, ERP_PAYMENT_STATUS_PORT, CODEC],
          useFactory: (payments: PaymentStore, holds: SupplierHoldStore, erp: ErpPaymentStatusPort, codec: CanonicalCodec) =>
            new PaymentLifecycleFlow(payments, holds, erp, codec, topics),
        },
        {
          provide: SupplierHoldFlow,
          inject: [SUPPLIER_HOLD_STORE],
          useFactory: (holds: SupplierHoldStore) => new SupplierHoldFlow(holds),
        },
        {
          provide: PaymentStatusLookup,
          inject: [PAYMENT_STORE, SUPPLIER_HOLD_STORE],
          useFactory: (payments: PaymentStore, holds: SupplierHoldStore) => new PaymentStatusLookup(payments, holds),
        },
      ],
      exports: [PAYMENT_STATUS_CONFIG, TOPICS, IDEMPOTENCY, CODEC, PaymentLifecycleFlow, SupplierHoldFlow, PaymentStatusLookup, PAYMENT_STORE, SUPPLIER_HOLD_STORE],
    };
  }
}

/** payment-status: the ERP payment lifecycle as a state machine, sent back to purchasing and AP automation. */
@Module({})
export class PaymentStatusModule {
  static forRoot(config: PaymentStatusConfig): DynamicModule {
    const lifecycle = PaymentLifecycleModule.forRoot(config);
    return {
      module: PaymentStatusModule,
      imports: [
        HealthModule.forService(SERVICE, { settings: config }),
        lifecycle,
        // The HTTP system API; it publishes through the PRODUCER_PORT that MessagingModule provides.
        SystemApiModule.forRoot({
          service: SERVICE,
          auth: config.api.auth,
          redisUrl: config.redisUrl,
          redisOptions: redisClientOptions(config),
          rateLimitPerMinute: config.api.rateLimitPerMinute,
          strictTransportSecurity: config.environment === 'production',
          keyPrefix: `${new PaymentStatusKeys(config.topicPrefix).base}api:`,
          openApi: { title: 'Payment status', version: '1', routes: PAYMENT_ROUTES },
        }),
        MessagingModule.forRootAsync({
          imports: [lifecycle],
          // CODEC: the topics exist and the schemas are registered before consuming starts.
          inject: [PaymentLifecycleFlow, SupplierHoldFlow, TOPICS, IDEMPOTENCY, CODEC],
          useFactory: ((payments: PaymentLifecycleFlow, holds: SupplierHoldFlow, topics: PaymentStatusTopics, idempotency: RedisIdempotencyStore) =>
            messagingOptions(config, topics, payments, holds, idempotency)) as never,
        }),
      ],
      controllers: [PaymentsController],
      providers: [{ provide: PAYMENT_SUBMISSION_TOPIC, useValue: paymentStatusTopics(config.topicPrefix).erpPayment }],
      exports: [lifecycle],
    };
  }
}

function messagingOptions(
  config: PaymentStatusConfig,
  topics: PaymentStatusTopics,
  payments: PaymentLifecycleFlow,
  holds: SupplierHoldFlow,
  idempotency: RedisIdempotencyStore,
): MessagingOptions {
  const canonical = new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth));
  return {
    client: kafkaClientOptions(config, SERVICE),
    keyConcurrency: config.consumerKeyConcurrency,
    topology: { group: consumerGroupOf(config.topicPrefix), sourceTopics: [topics.erpPayment, topics.supplier], delaysMs: config.retryDelaysMs },
    decoder: new TopicRoutedDecoder({
      [topics.erpPayment]: new JsonDecoder({ [topics.erpPayment]: ERP_PAYMENT_STATUS_RECORDED }, erpPaymentEventId),
      [topics.supplier]: canonical,
    }),
    handlers: paymentStatusHandlers(payments, holds, config.tenant),
    claims: idempotencyClaims(idempotency),
  };
}
