import { stableEventId } from '@procurelink/canonical-schemas';
import type { InventoryReceiptRecord, PurchasingPoRecord } from '../source';

export const PURCHASING_SYSTEM = 'purchasing';
export const INVENTORY_SYSTEM = 'inventory';

/** The runtime's event id of a PO record: the same PO, revision and action is the same event. */
export function poRecordEventId(record: Pick<PurchasingPoRecord, 'poNumber' | 'revision' | 'action'>): string {
  return stableEventId(PURCHASING_SYSTEM, 'purchase-order', record.poNumber, record.revision, record.action);
}

/** The runtime's event id of a receipt record: one receipt id is one event. */
export function receiptRecordEventId(record: Pick<InventoryReceiptRecord, 'receiptId'>): string {
  return stableEventId(INVENTORY_SYSTEM, 'goods-receipt', record.receiptId);
}

/**
 * The event id of a raw source value for JsonDecoder: derived from the identifying fields when they
 * are there; undefined (no claim) for a record too broken to identify, which fails parsing anyway.
 */
export function rawPoEventId(value: unknown): string | undefined {
  const v = value as { poNumber?: unknown; revision?: unknown; action?: unknown } | null;
  if (typeof v?.poNumber !== 'string' || typeof v.revision !== 'number' || typeof v.action !== 'string') return undefined;
  return stableEventId(PURCHASING_SYSTEM, 'purchase-order', v.poNumber.trim(), v.revision, v.action.trim());
}

export function rawReceiptEventId(value: unknown): string | undefined {
  const v = value as { receiptId?: unknown } | null;
  return typeof v?.receiptId === 'string' ? receiptRecordEventId({ receiptId: v.receiptId.trim() }) : undefined;
}

/** One correlation id per procure-to-pay chain: the PO's, shared by its receipts (and invoices). */
export function correlationIdOf(poNumber: string): string {
  return stableEventId('procure-to-pay', poNumber);
}
