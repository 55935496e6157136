import type { InvoiceForDecision } from './invoice';
import type { InvoiceException } from './invoice-outcome';
import type { PurchaseOrderView } from './lookups';

export type PurchaseOrderCheck =
  | { readonly kind: 'usable'; readonly po: PurchaseOrderView }
  | { readonly kind: 'exception'; readonly exception: InvoiceException };

/**
 * Whether the invoice may be matched against this PO at all, checked in this order:
 * it names a PO (UNKNOWN_PO), the PO exists and belongs to the invoice's supplier (UNKNOWN_PO),
 * it is OPEN (CLOSED_PO), it is in the invoice's currency (CURRENCY_MISMATCH), and every PO line
 * the invoice bills exists on it (UNKNOWN_PO).
 */
export function checkPurchaseOrder(invoice: InvoiceForDecision, po: PurchaseOrderView | null): PurchaseOrderCheck {
  const problem = findPurchaseOrderProblem(invoice, po);
  if (problem !== null) return { kind: 'exception', exception: problem };
  return po === null ? { kind: 'exception', exception: unknown(invoice.poNumber) } : { kind: 'usable', po };
}

function unknown(poNumber: string | null): InvoiceException {
  return { reason: 'UNKNOWN_PO', detail: `purchase order ${poNumber ?? ''} is not known`, unknownPoLines: [] };
}

function findPurchaseOrderProblem(invoice: InvoiceForDecision, po: PurchaseOrderView | null): InvoiceException | null {
  if (invoice.poNumber === null) {
    const detail = 'the invoice references no purchase order; a non-PO invoice cannot be matched';
    return { reason: 'UNKNOWN_PO', detail, unknownPoLines: [] };
  }
  if (po === null || po.poNumber !== invoice.poNumber) return unknown(invoice.poNumber);
  if (po.supplierId !== invoice.supplierId) {
    return {
      reason: 'UNKNOWN_PO',
      detail: `purchase order ${po.poNumber} was issued to another supplier, not ${invoice.supplierId}`,
      unknownPoLines: [],
    };
  }
  if (po.status !== 'OPEN') {
    return { reason: 'CLOSED_PO', detail: `purchase order ${po.poNumber} is ${po.status.toLowerCase()}`, poStatus: po.status };
  }
  const invoiceCurrency = invoice.total.currency;
  if (invoiceCurrency !== po.currency) {
    return {
      reason: 'CURRENCY_MISMATCH',
      detail: `the invoice is in ${invoiceCurrency}, purchase order ${po.poNumber} in ${po.currency}`,
      invoiceCurrency,
      poCurrency: po.currency,
    };
  }
  const known = new Set(po.lines.map((line) => line.lineNumber));
  const unknownPoLines = [
    ...new Set(invoice.lines.flatMap((line) => (line.poLineNumber !== null && !known.has(line.poLineNumber) ? [line.poLineNumber] : []))),
  ];
  if (unknownPoLines.length > 0) {
    return {
      reason: 'UNKNOWN_PO',
      detail: `purchase order ${po.poNumber} has no line ${unknownPoLines.join(', ')}`,
      unknownPoLines,
    };
  }
  return null;
}
