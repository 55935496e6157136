import type { InvoiceForDecision } from './invoice';
import { exceptionOutcome, type InvoiceOutcome } from './invoice-outcome';
import type { InvoicedQuantity, PurchaseOrderView, ReceiptView } from './lookups';
import { describePriceVariances, findPriceVariances, priceVariance } from './price-check';
import { billedPositions, describePositions, positionState, quantityVariance, quantityVarianceLine } from './quantity-position';
import { hasReceiptWaitExpired, noReceiptException } from './receipt-wait';
import type { Tolerance } from './tolerance';

export interface MatchInput {
  readonly invoice: InvoiceForDecision;
  /** An OPEN PO of the invoice's supplier and currency, holding every PO line the invoice bills (see checkPurchaseOrder). */
  readonly purchaseOrder: PurchaseOrderView;
  readonly receipts: readonly ReceiptView[];
  readonly alreadyInvoiced: readonly InvoicedQuantity[];
  readonly tolerance: Tolerance;
  /** When the invoice stops waiting for receipts. */
  readonly waitUntil: Date;
  readonly now: Date;
}

/**
 * Three-way match of an invoice against its PO lines and receipts, in this order:
 *
 * 1. price: any line above its PO price beyond tolerance → PRICE_VARIANCE (no receipt can fix it);
 * 2. quantity: any PO line billed, cumulatively with earlier matched invoices, beyond what was
 *    received and ordered (within tolerance) → QUANTITY_VARIANCE;
 * 3. receipts: any PO line billed beyond what was received, but not beyond what was ordered →
 *    await the receipt until `waitUntil`; from that instant on → NO_RECEIPT;
 * 4. otherwise matched.
 */
export function matchInvoice(input: MatchInput): InvoiceOutcome {
  const { invoice, purchaseOrder: po } = input;

  const priceLines = findPriceVariances(invoice, po, input.tolerance);
  if (priceLines.length > 0) {
    return exceptionOutcome({
      reason: 'PRICE_VARIANCE',
      detail: describePriceVariances(priceLines),
      lines: priceLines,
      variance: priceVariance(priceLines, po.currency),
    });
  }

  const positions = billedPositions(invoice, po, input.receipts, input.alreadyInvoiced, input.tolerance.quantityPercent);
  const overOrdered = positions.filter((position) => positionState(position) === 'over-ordered');
  if (overOrdered.length > 0) {
    const lines = overOrdered.map(quantityVarianceLine);
    return exceptionOutcome({
      reason: 'QUANTITY_VARIANCE',
      detail: `billed beyond what was received and ordered — ${describePositions(lines)}`,
      lines,
      variance: quantityVariance(lines, po),
    });
  }

  const shortfalls = positions.filter((position) => positionState(position) === 'awaiting-receipt');
  if (shortfalls.length > 0) {
    if (hasReceiptWaitExpired(input.waitUntil, input.now)) {
      return exceptionOutcome(noReceiptException(po.poNumber, input.waitUntil, shortfalls));
    }
    return { kind: 'await-receipt', poNumber: po.poNumber, until: input.waitUntil, shortfalls };
  }

  const billedLines = new Set(positions.map((position) => position.poLineNumber));
  const receiptIds = input.receipts
    .filter((receipt) => receipt.poNumber === po.poNumber && receipt.lines.some((line) => billedLines.has(line.poLineNumber)))
    .map((receipt) => receipt.receiptId);
  return {
    kind: 'matched',
    poNumber: po.poNumber,
    receiptIds: [...new Set(receiptIds)],
    matchedAmount: invoice.total,
    billed: positions.map((position) => ({ poNumber: po.poNumber, poLineNumber: position.poLineNumber, quantity: position.invoiced })),
    nonPoLineNumbers: invoice.lines.filter((line) => line.poLineNumber === null).map((line) => line.lineNumber),
  };
}
