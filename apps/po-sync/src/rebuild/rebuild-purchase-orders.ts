import type { InboundRecord, RecordDecoder } from '@procurelink/messaging';
import type { PurchaseOrderState } from '../purchase-order/domain';
import type { PurchaseOrderStore } from '../purchase-order/ports/purchase-order-store';
import { projectPurchaseOrder, type PurchaseOrderTopicEvent } from '../purchase-order/projection/project-purchase-order';

const PO_TOPIC_EVENTS = new Set(['PurchaseOrderApproved', 'PurchaseOrderChanged', 'PurchaseOrderCancelled', 'GoodsReceived']);

export interface RebuildReport {
  readonly records: number;
  readonly byEventType: Readonly<Record<string, number>>;
  /** Records that did not decode or are not PO-topic events (left out, with why). */
  readonly skipped: ReadonlyArray<{ readonly partition: number; readonly offset: string; readonly reason: string }>;
  readonly purchaseOrders: number;
  readonly cleared: number;
}

/**
 * Folds p2p.purchase-order.v1, read from the beginning, into one state per PO (the same
 * projection the live handlers use), then replaces po-sync's stored state with it.
 */
export async function rebuildPurchaseOrders(records: readonly InboundRecord[], decoder: RecordDecoder, store: PurchaseOrderStore): Promise<RebuildReport> {
  const states = new Map<string, PurchaseOrderState | null>();
  const byEventType: Record<string, number> = {};
  const skipped: Array<{ partition: number; offset: string; reason: string }> = [];
  const ordered = [...records].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  for (const record of ordered) {
    let decoded;
    try {
      decoded = await decoder.decode(record);
    } catch (error) {
      skipped.push({ partition: record.partition, offset: record.offset, reason: (error as Error).message });
      continue;
    }
    if (!PO_TOPIC_EVENTS.has(decoded.eventType)) {
      skipped.push({ partition: record.partition, offset: record.offset, reason: `not a PO-topic event: ${decoded.eventType}` });
      continue;
    }
    const event = { eventType: decoded.eventType, value: decoded.value } as PurchaseOrderTopicEvent;
    const poNumber = event.value.poNumber;
    states.set(poNumber, projectPurchaseOrder(states.get(poNumber) ?? null, event));
    byEventType[decoded.eventType] = (byEventType[decoded.eventType] ?? 0) + 1;
  }
  const rebuilt = [...states.values()].filter((state): state is PurchaseOrderState => state !== null);
  const { cleared } = await store.replaceAll(rebuilt);
  return { records: records.length, byEventType, skipped, purchaseOrders: rebuilt.length, cleared };
}
