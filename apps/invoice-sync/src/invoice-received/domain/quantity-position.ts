import { Decimal } from '@procurelink/canonical-schemas';
import type { InvoiceForDecision } from './invoice';
import type { PoLinePosition, QuantityVarianceLine, Variance } from './invoice-outcome';
import type { InvoicedQuantity, PurchaseOrderView, ReceiptView } from './lookups';
import { quantityLimit } from './tolerance';
import { percentOf, sum, toEventScale } from './variance-math';

/** How a billed PO line stands against its receipts and order. */
export type PositionState = 'covered' | 'over-ordered' | 'awaiting-receipt';

/**
 * Where each PO line billed by the invoice stands, counting what earlier matched invoices billed
 * (several invoice lines billing one PO line are added up). Receipts and invoiced quantities of
 * other POs are ignored.
 */
export function billedPositions(
  invoice: InvoiceForDecision,
  po: PurchaseOrderView,
  receipts: readonly ReceiptView[],
  alreadyInvoiced: readonly InvoicedQuantity[],
  quantityPercent: Decimal,
): PoLinePosition[] {
  const positions: PoLinePosition[] = [];
  for (const poLine of po.lines) {
    const billing = invoice.lines.filter((line) => line.poLineNumber === poLine.lineNumber);
    if (billing.length === 0) continue;
    const received = sum(
      receipts
        .filter((receipt) => receipt.poNumber === po.poNumber)
        .flatMap((receipt) => receipt.lines.filter((line) => line.poLineNumber === poLine.lineNumber).map((line) => line.quantity)),
    );
    const previouslyInvoiced = sum(
      alreadyInvoiced.filter((q) => q.poNumber === po.poNumber && q.poLineNumber === poLine.lineNumber).map((q) => q.quantity),
    );
    const invoiced = sum(billing.map((line) => line.quantity));
    positions.push({
      poLineNumber: poLine.lineNumber,
      invoiceLineNumbers: billing.map((line) => line.lineNumber),
      ordered: poLine.quantity,
      received,
      previouslyInvoiced,
      invoiced,
      cumulative: previouslyInvoiced.add(invoiced),
      receiptLimit: quantityLimit(received, quantityPercent),
      orderLimit: quantityLimit(poLine.quantity, quantityPercent),
    });
  }
  return positions;
}

/**
 * covered: everything billed so far is received, within tolerance. over-ordered: more is billed
 * than was ordered, beyond tolerance (and more than was received), which no awaited receipt can
 * make right. awaiting-receipt: more is billed than received, but not more than ordered: the rest
 * of the goods may still arrive.
 */
export function positionState(position: PoLinePosition): PositionState {
  if (position.cumulative.compare(position.receiptLimit) <= 0) return 'covered';
  if (position.cumulative.greaterThan(position.orderLimit)) return 'over-ordered';
  return 'awaiting-receipt';
}

export function quantityVarianceLine(position: PoLinePosition): QuantityVarianceLine {
  const received = nonNegative(position.received);
  const excess = position.cumulative.subtract(received);
  return { ...position, excess, excessPercent: percentOf(excess, received) };
}

/** Σ excess × PO unit price, in percent of what was received at PO prices. */
export function quantityVariance(lines: readonly QuantityVarianceLine[], po: PurchaseOrderView): Variance {
  const priceOf = (poLineNumber: number): Decimal =>
    po.lines.find((line) => line.lineNumber === poLineNumber)?.unitPrice.amount ?? Decimal.zero();
  const amount = toEventScale(sum(lines.map((line) => line.excess.multiply(priceOf(line.poLineNumber)))));
  const receivedValue = sum(lines.map((line) => nonNegative(line.received).multiply(priceOf(line.poLineNumber))));
  return { amount: { amount, currency: po.currency }, percent: percentOf(amount, receivedValue) };
}

export function describePositions(positions: readonly PoLinePosition[]): string {
  return positions
    .map((p) => {
      const earlier = p.previouslyInvoiced.isZero() ? '' : ` (${p.previouslyInvoiced.toString()} on earlier invoices)`;
      return `PO line ${p.poLineNumber}: billed ${p.cumulative.toString()}${earlier}, received ${p.received.toString()}, ordered ${p.ordered.toString()}`;
    })
    .join('; ');
}

function nonNegative(quantity: Decimal): Decimal {
  return quantity.isNegative() ? Decimal.zero() : quantity;
}
