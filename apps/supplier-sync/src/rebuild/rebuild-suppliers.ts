import type { InboundRecord, RecordDecoder } from '@procurelink/messaging';
import type { SupplierMaster } from '../supplier-changed/domain';
import type { SupplierStore } from '../supplier-changed/ports';
import { projectSupplierEvent, type SupplierTopicEvent } from '../supplier-changed/projection/project-supplier-event';

const SUPPLIER_EVENTS = new Set(['SupplierSynced', 'SupplierBankDetailsChanged']);

export interface RebuildReport {
  readonly records: number;
  readonly byEventType: Readonly<Record<string, number>>;
  readonly skipped: ReadonlyArray<{ readonly partition: number; readonly offset: string; readonly reason: string }>;
  readonly cleared: number;
  readonly suppliers: number;
  readonly onHold: number;
}

/** Folds p2p.supplier.v1 (read from the beginning) into one master per supplier, then replaces supplier-sync's Redis state with them. */
export async function rebuildSuppliers(records: readonly InboundRecord[], decoder: RecordDecoder, store: SupplierStore): Promise<RebuildReport> {
  const masters = new Map<string, SupplierMaster>();
  const byEventType: Record<string, number> = {};
  const skipped: Array<{ partition: number; offset: string; reason: string }> = [];
  const ordered = [...records].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  for (const record of ordered) {
    try {
      const decoded = await decoder.decode(record);
      if (!SUPPLIER_EVENTS.has(decoded.eventType)) throw new Error(`not a supplier event: ${decoded.eventType}`);
      const event = { eventType: decoded.eventType, value: decoded.value } as SupplierTopicEvent;
      masters.set(event.value.supplierId, projectSupplierEvent(masters.get(event.value.supplierId) ?? null, event));
      byEventType[decoded.eventType] = (byEventType[decoded.eventType] ?? 0) + 1;
    } catch (error) {
      skipped.push({ partition: record.partition, offset: record.offset, reason: (error as Error).message });
    }
  }
  const cleared = await store.clear();
  for (const master of masters.values()) await store.save(master, 0);
  return { records: records.length, byEventType, skipped, cleared, suppliers: masters.size, onHold: [...masters.values()].filter((m) => m.hold !== null).length };
}
