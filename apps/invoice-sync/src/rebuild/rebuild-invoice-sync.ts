import { AvroRegistryDecoder, canonicalRegistry, createKafka, readTopicToEnd } from '@procurelink/messaging';
import { kafkaClientOptions, serviceRedis } from '@procurelink/service-host';
import type { Kafka } from 'kafkajs';
import type { InvoiceSyncConfig } from '../config/invoice-sync-config';
import { RedisInvoiceSyncStore } from '../invoice-received/infra/redis-invoice-sync-store';
import { applyCanonicalEvent, emptyRebuiltState, invoiceWrites } from '../invoice-received/projection/rebuild-state';
import { invoiceSyncTopics } from '../invoice-sync.topics';

export interface RebuildReport {
  readonly clearedKeys: number;
  /** Records read per topic. */
  readonly records: Readonly<Record<string, number>>;
  /** Records that did not decode (skipped; they are on the dead-letter topics of their producers' consumers, if anywhere). */
  readonly undecodable: number;
  readonly events: Readonly<Record<string, number>>;
  readonly purchaseOrders: number;
  readonly receipts: number;
  readonly suppliers: number;
  readonly invoices: number;
  readonly waiting: number;
}

/**
 * Rebuilds invoice-sync's Redis state from the canonical topics: reads p2p.purchase-order.v1,
 * p2p.supplier.v1 and p2p.invoice.v1 from the beginning to their end, folds them with the live
 * projections, clears the service's keys (this topic prefix only) and writes the result.
 */
export async function rebuildInvoiceSyncState(config: InvoiceSyncConfig): Promise<RebuildReport> {
  const topics = invoiceSyncTopics(config.topicPrefix);
  const kafka = createKafka(kafkaClientOptions(config, 'invoice-sync-rebuild'));
  const decoder = new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth));
  const redis = serviceRedis(config, 'invoice-sync-rebuild');
  try {
    const store = new RedisInvoiceSyncStore(redis, config.topicPrefix);
    const state = emptyRebuiltState();
    const records: Record<string, number> = {};
    const events: Record<string, number> = {};
    let undecodable = 0;
    const existing = await existingTopics(kafka);
    for (const topic of [topics.purchaseOrders, topics.suppliers, topics.invoices]) {
      // A topic not created yet holds nothing to rebuild from.
      const read = existing.has(topic) ? await readTopicToEnd(kafka, topic, 120_000) : [];
      records[topic] = read.length;
      for (const record of read) {
        try {
          const decoded = await decoder.decode(record);
          applyCanonicalEvent(state, decoded.eventType, decoded.value);
          events[decoded.eventType] = (events[decoded.eventType] ?? 0) + 1;
        } catch {
          undecodable += 1;
        }
      }
    }
    const clearedKeys = await store.clear();
    for (const po of state.purchaseOrders.values()) await store.savePurchaseOrder(po);
    for (const receipt of state.receipts.values()) await store.saveReceipt(receipt);
    for (const [supplierId, standing] of state.suppliers) await store.saveSupplier(supplierId, standing);
    const writes = invoiceWrites(state, config.match.receiptWaitHours);
    for (const write of writes) await store.saveInvoice(write);
    return {
      clearedKeys,
      records,
      undecodable,
      events,
      purchaseOrders: state.purchaseOrders.size,
      receipts: state.receipts.size,
      suppliers: state.suppliers.size,
      invoices: writes.length,
      waiting: writes.filter((write) => write.waiting !== null).length,
    };
  } finally {
    await redis.quit();
  }
}

async function existingTopics(kafka: Kafka): Promise<Set<string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Set(await admin.listTopics());
  } finally {
    await admin.disconnect();
  }
}
