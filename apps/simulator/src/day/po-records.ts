import { lineAmount, poTotal, type PlannedPo } from './purchase-orders';

/** source.purchasing.purchase-order.v1 records (apps/po-sync/SOURCE.md). */
export function purchasingPoRecord(po: PlannedPo, action: 'APPROVED' | 'CHANGED', occurredAt: Date, changeReason?: string): object {
  return {
    action,
    poNumber: po.poNumber,
    revision: po.revision,
    occurredAt: occurredAt.toISOString(),
    correlationId: po.poNumber,
    supplierId: po.supplier.supplierId,
    orderDate: po.orderDate,
    ...(changeReason ? { changeReason } : {}),
    currency: 'USD',
    totalAmount: poTotal(po).toString(),
    shipTo: { facilityId: po.buyer.facilityId },
    lines: po.lines.map((line) => ({
      lineNumber: line.lineNumber,
      item: {
        itemId: line.item.itemId,
        description: line.item.description,
        gtin: line.item.gtin,
        manufacturerName: line.item.manufacturerName,
        manufacturerPartNumber: line.item.manufacturerPartNumber,
        unitOfMeasure: line.item.unitOfMeasure,
      },
      quantity: line.quantity.toString(),
      unitPrice: line.unitPrice.toString(),
      lineAmount: lineAmount(line).toString(),
      facilityId: line.buyer.facilityId,
      departmentId: line.buyer.departmentId,
      costCentre: line.buyer.costCentre,
      glAccount: line.buyer.glAccount,
    })),
  };
}

export function purchasingPoCancelRecord(po: PlannedPo, occurredAt: Date, reason: string): object {
  return { action: 'CANCELLED', poNumber: po.poNumber, revision: po.revision + 1, occurredAt: occurredAt.toISOString(), correlationId: po.poNumber, reason };
}

/** source.inventory.goods-receipt.v1: everything on the order received, with lot, expiry, serial and UDI where the item is tracked. */
export function goodsReceiptRecord(po: PlannedPo, receiptId: string, receivedAt: Date): object {
  const expiry = new Date(receivedAt.getTime() + 400 * 86_400_000).toISOString().slice(0, 10);
  return {
    receiptId,
    poNumber: po.poNumber,
    facilityId: po.buyer.facilityId,
    receivedAt: receivedAt.toISOString(),
    receivingLocation: `${po.buyer.facilityId}-DOCK-1`,
    lines: po.lines.map((line, index) => ({
      receiptLineNumber: index + 1,
      poLineNumber: line.lineNumber,
      item: { itemId: line.item.itemId, gtin: line.item.gtin, unitOfMeasure: line.item.unitOfMeasure },
      quantityReceived: line.quantity.toString(),
      ...(line.item.tracking.lot ? { lotNumber: `LOT-${po.poNumber}-${line.lineNumber}` } : {}),
      ...(line.item.tracking.expiry ? { expiryDate: expiry } : {}),
      ...(line.item.tracking.serial ? { serialNumber: `SN-${po.poNumber}-${line.lineNumber}` } : {}),
      ...(line.item.tracking.udi
        ? { udi: `(01)${line.item.gtin}(17)${expiry.slice(2).replaceAll('-', '')}(10)LOT-${po.poNumber}-${line.lineNumber}(21)SN-${po.poNumber}-${line.lineNumber}` }
        : {}),
    })),
  };
}
