import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal } from '@procurelink/canonical-schemas';
import type { ErpEncumbrancePort, ErpPosting } from '@procurelink/erp-connector';
import { BatchProcessor, HEADERS, JsonDecoder, type InboundRecord, type OutboundRecord, type ProducerPort } from '@procurelink/messaging';
import { Redis } from 'ioredis';
import type { CanonicalEncoder } from '../../apps/po-sync/src/purchase-order/canonical-publisher';
import { GoodsReceiptFlow } from '../../apps/po-sync/src/purchase-order/goods-receipt-flow';
import { poSyncHandlers } from '../../apps/po-sync/src/purchase-order/handlers';
import { RedisPurchaseOrderStore } from '../../apps/po-sync/src/purchase-order/infra/redis-purchase-order-store';
import { PurchaseOrderFlow } from '../../apps/po-sync/src/purchase-order/purchase-order-flow';
import { parseReferenceFile, type ReferenceDirectory } from '../../apps/po-sync/src/purchase-order/reference/reference-file';
import { purchasingPoRecord } from '../../apps/simulator/src/day/po-records';
import { stackEndpoints } from '../stack-env';
import { deleteRedisKeys } from '../test-run';
import { chain, faultSuppliers } from './workload';

/**
 * The loss the fault run found, reduced to one record: po-sync posts the encumbrance, hands
 * PurchaseOrderApproved to the runtime's publish and stores the PO state in Redis — all inside the
 * handler. When the publish then fails (the broker is away), the runtime runs the batch again; the
 * stored state now says revision 1 is posted, the revision is skipped, and PurchaseOrderApproved is
 * never published (invoice-sync never learns the PO; its invoices wait for it). Real Redis, the real
 * flow and BatchProcessor; the producer is the ProducerPort failing its first send, as a broker
 * restart does; the ERP and the encoder are in-memory ports.
 */
const prefix = `pas-${Date.now().toString(36)}.`;
const redis = new Redis(stackEndpoints().redisUrl, { maxRetriesPerRequest: 2 });
const file = parseReferenceFile(JSON.parse(readFileSync(resolve(__dirname, '../../apps/po-sync/reference-data/demo-network.json'), 'utf8')));
const directory = (file.ok ? file.directory : undefined) as ReferenceDirectory;

const postings = new Map<string, ErpPosting>();
const erp: ErpEncumbrancePort = {
  async postEncumbrance(request, idempotencyKey) {
    const existing = postings.get(idempotencyKey);
    if (existing) return existing;
    const posting = { sequence: postings.size + 1, documentNumber: `ENC-${postings.size + 1}`, kind: 'ENCUMBRANCE', businessKey: idempotencyKey, idempotencyKey, acceptedAt: new Date().toISOString() } as ErpPosting;
    postings.set(idempotencyKey, posting);
    return posting;
  },
};
const encoder = {
  encode: (eventType: string, value: { poNumber: string; envelope: { eventId: string } }) => ({
    topic: `${prefix}p2p.purchase-order.v1`,
    key: value.poNumber,
    value: Buffer.from(JSON.stringify({ eventType, poNumber: value.poNumber })),
    eventType,
    eventId: value.envelope.eventId,
  }),
} as unknown as CanonicalEncoder;

/** Fails its first send, as a producer does while the broker restarts; records what it was given afterwards. */
class BrokerAwayOnce implements ProducerPort {
  readonly acknowledged: OutboundRecord[] = [];
  private failures = 1;
  async send(records: readonly OutboundRecord[]): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('Connection error: connect ECONNREFUSED (broker restarting)');
    }
    this.acknowledged.push(...records);
  }
}

afterAll(async () => {
  await deleteRedisKeys(redis, [`*${prefix}*`]);
  await redis.quit();
});

describe('po-sync when a canonical publish fails after the PO state was stored', () => {
  it('publishes PurchaseOrderApproved when the runtime runs the batch again (its effect is not lost)', async () => {
    const store = new RedisPurchaseOrderStore(redis, prefix);
    const tenant = 'demo-health';
    const flow = new PurchaseOrderFlow({ store, erp, encoder, directory, tenant });
    const receipts = new GoodsReceiptFlow({ store, encoder, directory, rules: { overReceiptTolerancePercent: Decimal.zero(), minRemainingShelfLifeDays: 0 }, tenant });
    const producer = new BrokerAwayOnce();
    const topic = `${prefix}source.purchasing.purchase-order.v1`;
    const processor = new BatchProcessor({
      topology: { group: `${prefix}procurelink.po-sync`, sourceTopics: [topic], delaysMs: [1000] },
      decoder: new JsonDecoder({ [topic]: 'PurchasingPurchaseOrder' }),
      handlers: poSyncHandlers(flow, receipts),
      producer,
      concurrency: 1,
    });
    const po = chain(1, faultSuppliers(3, 1), 1).po;
    const record: InboundRecord = { topic, partition: 0, offset: '0', timestamp: '0', key: Buffer.from(po.poNumber), value: Buffer.from(JSON.stringify(purchasingPoRecord(po, 'APPROVED', new Date()))), headers: {} };

    await expect(processor.process([record])).rejects.toThrow(/ECONNREFUSED/); // the batch is not finished: not committed
    await processor.process([record]); // the runtime's second run of the same batch

    expect(postings.size).toBe(1);
    const published = producer.acknowledged.filter((r) => r.headers?.[HEADERS.eventType] === 'PurchaseOrderApproved').map((r) => r.key);
    expect(published).toEqual([po.poNumber]);
  });
});
