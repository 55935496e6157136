import type { PurchaseOrderState } from '../domain';

/** A PO line as GET /v1/purchase-orders/:poNumber shows it; quantities and amounts are decimal strings. */
export interface PurchaseOrderLineStatus {
  readonly lineNumber: number;
  readonly itemId: string | null;
  readonly gtin: string | null;
  readonly unitOfMeasure: string;
  readonly orderedQuantity: string;
  readonly receivedQuantity: string;
  /** What stands encumbered in the ERP for the line, in `currency`. */
  readonly encumberedAmount: string;
  readonly currency: string;
}

/** Where a PO is in its lifecycle, as po-sync last stored it. */
export interface PurchaseOrderStatus {
  readonly poNumber: string;
  readonly supplierId: string | null;
  readonly revision: number;
  readonly status: 'approved' | 'changed' | 'cancelled';
  readonly lines: readonly PurchaseOrderLineStatus[];
  /** Receipt ids applied to the PO, in the order they were applied. */
  readonly receipts: readonly string[];
}

/**
 * The lifecycle view of a stored PO state. A state stored before `lastRevisionEvent` existed counts
 * as approved at revision 0 and changed after.
 */
export function purchaseOrderStatus(state: PurchaseOrderState): PurchaseOrderStatus {
  return {
    poNumber: state.poNumber,
    supplierId: state.supplierId,
    revision: state.revision,
    status: statusOf(state),
    lines: state.lines.map((line) => ({
      lineNumber: line.lineNumber,
      itemId: line.item.itemId ?? null,
      gtin: line.item.gtin ?? null,
      unitOfMeasure: line.item.unitOfMeasure,
      orderedQuantity: line.orderedQuantity.toString(),
      receivedQuantity: line.receivedQuantity.toString(),
      encumberedAmount: line.encumbered.toString(),
      currency: line.coding.currency,
    })),
    receipts: [...state.receiptIds],
  };
}

function statusOf(state: PurchaseOrderState): PurchaseOrderStatus['status'] {
  if (state.status === 'CANCELLED') return 'cancelled';
  const event = state.lastRevisionEvent ?? (state.revision === 0 ? 'APPROVED' : 'CHANGED');
  return event === 'APPROVED' ? 'approved' : 'changed';
}
