import { envelopeFor, type GoodsReceived } from '@procurelink/canonical-schemas';
import type { InventoryReceiptRecord } from '../source';
import { correlationIdOf, INVENTORY_SYSTEM } from './source-identity';
import { itemOf } from './to-canonical-purchase-order';

/** An inventory receipt as the canonical GoodsReceived, with lot, expiry, serial and UDI per line. */
export function toGoodsReceived(record: InventoryReceiptRecord, context: { readonly tenant: string }): GoodsReceived {
  return {
    envelope: envelopeFor({
      eventType: 'GoodsReceived',
      idParts: [INVENTORY_SYSTEM, record.receiptId],
      occurredAt: record.receivedAt,
      sourceSystem: INVENTORY_SYSTEM,
      sourceRecordId: record.receiptId,
      correlationId: correlationIdOf(record.poNumber),
      facilityId: record.facilityId,
      tenant: context.tenant,
    }),
    poNumber: record.poNumber,
    receiptId: record.receiptId,
    receivedAt: record.receivedAt,
    receivingLocation: record.receivingLocation,
    lines: record.lines.map((line) => ({
      receiptLineNumber: line.receiptLineNumber,
      poLineNumber: line.poLineNumber,
      item: itemOf(line.item),
      quantity: line.quantityReceived,
      lotNumber: line.lotNumber,
      expiryDate: line.expiryDate,
      serialNumber: line.serialNumber,
      udi: line.udi,
    })),
  };
}
