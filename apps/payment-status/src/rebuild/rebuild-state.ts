import { AvroRegistryDecoder, canonicalRegistry, createKafka, readTopicToEnd } from '@procurelink/messaging';
import { kafkaClientOptions } from '@procurelink/service-host';
import type { Redis } from 'ioredis';
import type { PaymentStatusConfig } from '../config/payment-status-config';
import type { PaymentEvent, PaymentRecord } from '../payment-lifecycle/domain';
import { PaymentStatusKeys } from '../payment-lifecycle/infra/redis-keys';
import { RedisPaymentStore } from '../payment-lifecycle/infra/redis-payment-store';
import { RedisSupplierHoldStore } from '../payment-lifecycle/infra/redis-supplier-hold-store';
import { projectPayment, projectSupplierHold, type SupplierEvent, type SupplierHoldState } from '../payment-lifecycle/projection';
import { paymentStatusTopics } from '../payment-lifecycle/topics';

export interface RebuildCounts {
  readonly keysCleared: number;
  readonly supplierEvents: number;
  readonly suppliers: number;
  readonly paymentEvents: number;
  readonly payments: number;
}

const PAYMENT_TYPES = new Set(['PaymentScheduled', 'PaymentCompleted', 'PaymentFailed', 'PaymentVoided']);
const SUPPLIER_TYPES = new Set(['SupplierSynced', 'SupplierBankDetailsChanged']);

/**
 * Clears payment-status's state in Redis and projects p2p.supplier.v1 and p2p.payment.v1 from the
 * beginning to their current end with the same projections the live flow uses. Rejections are
 * not on the canonical topics, so the rebuilt history holds the applied changes only.
 */
export async function rebuildState(config: PaymentStatusConfig, redis: Redis): Promise<RebuildCounts> {
  const keys = new PaymentStatusKeys(config.topicPrefix);
  const topics = paymentStatusTopics(config.topicPrefix);
  const kafka = createKafka(kafkaClientOptions(config, 'payment-status-rebuild'));
  const decoder = new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth));

  let keysCleared = 0;
  for (const pattern of keys.patterns()) {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (found.length > 0) keysCleared += await redis.del(...found);
    } while (cursor !== '0');
  }

  const holds = new Map<string, SupplierHoldState>();
  let supplierEvents = 0;
  for (const record of await readTopicToEnd(kafka, topics.supplier, 120_000)) {
    const decoded = await decoder.decode(record);
    if (!SUPPLIER_TYPES.has(decoded.eventType)) continue;
    const event = { eventType: decoded.eventType, value: decoded.value } as SupplierEvent;
    const result = projectSupplierHold(holds.get(event.value.supplierId) ?? null, event);
    if (result.kind === 'applied') holds.set(event.value.supplierId, result.state);
    supplierEvents += 1;
  }

  const payments = new Map<string, PaymentRecord>();
  const applied = new Map<string, PaymentEvent[]>();
  let paymentEvents = 0;
  for (const record of await readTopicToEnd(kafka, topics.payment, 120_000)) {
    const decoded = await decoder.decode(record);
    if (!PAYMENT_TYPES.has(decoded.eventType)) continue;
    const event = { eventType: decoded.eventType, value: decoded.value } as PaymentEvent;
    const before = payments.get(event.value.paymentId) ?? null;
    const after = projectPayment(before, event);
    if (after !== null && after !== before) {
      payments.set(event.value.paymentId, after);
      applied.set(event.value.paymentId, [...(applied.get(event.value.paymentId) ?? []), event]);
    }
    paymentEvents += 1;
  }

  const holdStore = new RedisSupplierHoldStore(redis, keys);
  for (const state of holds.values()) await holdStore.save(state);
  const paymentStore = new RedisPaymentStore(redis, keys);
  for (const [paymentId, events] of applied) {
    let from: PaymentRecord | null = null;
    for (const event of events) {
      const next = projectPayment(from, event);
      await paymentStore.save(paymentId, next, historyEntryOf(event, from, next));
      from = next;
    }
  }
  return { keysCleared, supplierEvents, suppliers: holds.size, paymentEvents, payments: payments.size };
}

function historyEntryOf(event: PaymentEvent, from: PaymentRecord | null, next: PaymentRecord | null) {
  return {
    eventId: event.value.envelope.eventId,
    eventType: event.eventType,
    supplierId: event.value.supplierId,
    at: (next?.statusSince ?? event.value.envelope.occurredAt).toISOString(),
    outcome: 'APPLIED' as const,
    from: from?.status ?? ('NONE' as const),
    to: next?.status ?? ('NONE' as const),
  };
}
