import { Decimal, type GoodsReceived, type PurchaseOrderCancelled } from '@procurelink/canonical-schemas';
import { codingOf, type PurchaseOrderLineState, type PurchaseOrderRevisionEvent, type PurchaseOrderState } from '../domain';

/** A canonical event of p2p.purchase-order.v1, tagged by its type. */
export type PurchaseOrderTopicEvent =
  | PurchaseOrderRevisionEvent
  | { readonly eventType: 'PurchaseOrderCancelled'; readonly value: PurchaseOrderCancelled }
  | { readonly eventType: 'GoodsReceived'; readonly value: GoodsReceived };

/**
 * Folds one canonical PO-topic event into the PO's state. Used live (the state po-sync stores
 * after publishing an event is this function of the event) and by the rebuild, which replays
 * p2p.purchase-order.v1 from the beginning. Events were decided before they were published, so
 * nothing is validated here; what the decisions would ignore (an older revision, a receipt seen
 * before, anything after a cancel) leaves the state as it is.
 *
 * A cancel releases everything left encumbered (po-sync does not yet learn what invoices relieved).
 */
export function projectPurchaseOrder(state: PurchaseOrderState | null, event: PurchaseOrderTopicEvent): PurchaseOrderState | null {
  switch (event.eventType) {
    case 'PurchaseOrderApproved':
    case 'PurchaseOrderChanged':
      return projectRevision(state, event.value, event.eventType);
    case 'PurchaseOrderCancelled':
      return projectCancel(state, event.value);
    case 'GoodsReceived':
      return projectReceipt(state, event.value);
  }
}

function projectRevision(
  state: PurchaseOrderState | null,
  order: PurchaseOrderRevisionEvent['value'],
  eventType: PurchaseOrderRevisionEvent['eventType'],
): PurchaseOrderState | null {
  if (state !== null && (state.status === 'CANCELLED' || order.revision <= state.revision)) return state;
  const received = new Map((state?.lines ?? []).map((line) => [line.lineNumber, line.receivedQuantity]));
  return {
    poNumber: order.poNumber,
    supplierId: order.supplierId,
    revision: order.revision,
    status: 'OPEN',
    lastRevisionEvent: eventType === 'PurchaseOrderApproved' ? 'APPROVED' : 'CHANGED',
    lines: order.lines.map(
      (line): PurchaseOrderLineState => ({
        lineNumber: line.lineNumber,
        item: line.item,
        orderedQuantity: line.quantity,
        receivedQuantity: received.get(line.lineNumber) ?? Decimal.zero(),
        coding: codingOf(line),
        encumbered: line.lineAmount.amount,
      }),
    ),
    receiptIds: state?.receiptIds ?? [],
  };
}

function projectCancel(state: PurchaseOrderState | null, cancel: PurchaseOrderCancelled): PurchaseOrderState | null {
  if (state === null) return { poNumber: cancel.poNumber, supplierId: null, revision: cancel.revision, status: 'CANCELLED', lines: [], receiptIds: [] };
  if (state.status === 'CANCELLED' || cancel.revision < state.revision) return state;
  return {
    ...state,
    revision: cancel.revision,
    status: 'CANCELLED',
    lines: state.lines.map((line) => (line.encumbered.greaterThan(Decimal.zero()) ? { ...line, encumbered: Decimal.zero() } : line)),
  };
}

function projectReceipt(state: PurchaseOrderState | null, receipt: GoodsReceived): PurchaseOrderState | null {
  if (state === null || state.receiptIds.includes(receipt.receiptId)) return state;
  const added = new Map<number, Decimal>();
  for (const line of receipt.lines) added.set(line.poLineNumber, (added.get(line.poLineNumber) ?? Decimal.zero()).add(line.quantity));
  return {
    ...state,
    lines: state.lines.map((line) => {
      const quantity = added.get(line.lineNumber);
      return quantity === undefined ? line : { ...line, receivedQuantity: line.receivedQuantity.add(quantity) };
    }),
    receiptIds: [...state.receiptIds, receipt.receiptId],
  };
}
