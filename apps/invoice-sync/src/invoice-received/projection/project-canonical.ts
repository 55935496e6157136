import { Decimal, type GoodsReceived, type InvoiceException, type InvoiceMatched, type InvoicePosted, type InvoiceReceived, type PurchaseOrderApproved, type PurchaseOrderCancelled, type PurchaseOrderChanged, type SupplierBankDetailsChanged, type SupplierSynced } from '@procurelink/canonical-schemas';
import type { InvoicedQuantity, ReceiptView, SupplierStanding } from '../domain';
import type { InvoiceRecord, RecordedException, StoredPurchaseOrder } from './invoice-state';

export type PurchaseOrderTopicEvent =
  | { readonly eventType: 'PurchaseOrderApproved'; readonly value: PurchaseOrderApproved }
  | { readonly eventType: 'PurchaseOrderChanged'; readonly value: PurchaseOrderChanged }
  | { readonly eventType: 'PurchaseOrderCancelled'; readonly value: PurchaseOrderCancelled };

export type InvoiceTopicEvent =
  | { readonly eventType: 'InvoiceReceived'; readonly value: InvoiceReceived }
  | { readonly eventType: 'InvoiceMatched'; readonly value: InvoiceMatched }
  | { readonly eventType: 'InvoicePosted'; readonly value: InvoicePosted }
  | { readonly eventType: 'InvoiceException'; readonly value: InvoiceException };

/**
 * The PO view after a PO event. Approved and Changed replace the view (status OPEN, currency of
 * the total); Cancelled marks it CANCELLED. An event with a revision older than the view's is
 * ignored (the same answer is returned), so redeliveries and overtaking retries change nothing.
 */
export function projectPurchaseOrder(current: StoredPurchaseOrder | null, event: PurchaseOrderTopicEvent): StoredPurchaseOrder {
  const { value } = event;
  if (current !== null && value.revision < current.revision) return current;
  if (event.eventType === 'PurchaseOrderCancelled') {
    const base = current ?? { poNumber: value.poNumber, supplierId: '', currency: '', lines: [] };
    return { ...base, status: 'CANCELLED', revision: value.revision };
  }
  const order = event.value;
  return {
    poNumber: order.poNumber,
    supplierId: order.supplierId,
    status: 'OPEN',
    currency: order.totalAmount.currency,
    revision: order.revision,
    lines: order.lines.map((line) => ({ lineNumber: line.lineNumber, quantity: line.quantity, unitPrice: line.unitPrice })),
  };
}

/** A goods receipt as the match sees it: accepted quantity per PO line. */
export function receiptOf(event: GoodsReceived): ReceiptView {
  return {
    receiptId: event.receiptId,
    poNumber: event.poNumber,
    lines: event.lines.map((line) => ({ poLineNumber: line.poLineNumber, quantity: line.quantity })),
  };
}

/**
 * The supplier master's word on a supplier. SupplierBankDetailsChanged with paymentsHeld marks the
 * ON_HOLD that follows as a payment hold only; a SupplierSynced that is not ON_HOLD (the release,
 * or any later change) clears the mark.
 */
export function projectSupplierStanding(
  current: SupplierStanding | null,
  event: { readonly eventType: 'SupplierSynced'; readonly value: SupplierSynced } | { readonly eventType: 'SupplierBankDetailsChanged'; readonly value: SupplierBankDetailsChanged },
): SupplierStanding {
  if (event.eventType === 'SupplierBankDetailsChanged') {
    return { status: current?.status ?? 'ON_HOLD', paymentsHeldOnly: event.value.paymentsHeld || current?.paymentsHeldOnly === true };
  }
  const status = event.value.supplier.status;
  return status === 'ON_HOLD' && current?.paymentsHeldOnly === true ? { status, paymentsHeldOnly: true } : { status };
}

/**
 * An invoice's record after one of its events. InvoiceReceived starts (or restarts) it; the
 * others move its status. An event for an invoice never received is ignored (null stays null).
 * A posted invoice stays posted: a late InvoiceMatched or a redelivered event cannot undo it.
 */
export function projectInvoice(current: InvoiceRecord | null, event: InvoiceTopicEvent): InvoiceRecord | null {
  if (event.eventType === 'InvoiceReceived') {
    if (current !== null && current.status !== 'received') return current;
    return { invoice: event.value, status: 'received', exceptionReason: null, erpDocumentNumber: null, matchedAt: null, postedAt: null, exception: null };
  }
  if (current === null) return null;
  switch (event.eventType) {
    case 'InvoiceMatched':
      return current.status === 'posted' ? current : { ...current, status: 'matched', matchedAt: event.value.matchedAt };
    case 'InvoicePosted':
      return { ...current, status: 'posted', erpDocumentNumber: event.value.erpDocumentNumber, postedAt: event.value.postedAt };
    case 'InvoiceException':
      return current.status === 'posted' ? current : { ...current, status: 'exception', exceptionReason: event.value.reason, exception: recordedException(event.value) };
  }
}

function recordedException(event: InvoiceException): RecordedException {
  const { reason, detail, duplicateOfInvoiceId, varianceAmount, variancePercent } = event;
  return { reason, detail, duplicateOfInvoiceId, varianceAmount, variancePercent, raisedAt: event.envelope.occurredAt };
}

/** What a matched invoice bills per PO line (the sum of its lines on each PO line). */
export function billedQuantities(invoice: InvoiceReceived): InvoicedQuantity[] {
  if (invoice.poNumber === null) return [];
  const poNumber = invoice.poNumber;
  const byLine = new Map<number, Decimal>();
  for (const line of invoice.lines) {
    if (line.poLineNumber === null) continue;
    byLine.set(line.poLineNumber, (byLine.get(line.poLineNumber) ?? Decimal.zero()).add(line.quantity));
  }
  return [...byLine].sort(([a], [b]) => a - b).map(([poLineNumber, quantity]) => ({ poNumber, poLineNumber, quantity }));
}
