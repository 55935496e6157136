import type { InvoiceForDecision } from './invoice';
import type { PriceVarianceLine, Variance } from './invoice-outcome';
import type { PurchaseOrderView } from './lookups';
import { isPriceWithinTolerance, type Tolerance } from './tolerance';
import { percentOf, sum, toEventScale } from './variance-math';

/** Invoice lines priced above their PO line beyond the tolerance; lines without a PO line are not priced. */
export function findPriceVariances(invoice: InvoiceForDecision, po: PurchaseOrderView, tolerance: Tolerance): PriceVarianceLine[] {
  const variances: PriceVarianceLine[] = [];
  for (const line of invoice.lines) {
    const poLine = po.lines.find((candidate) => candidate.lineNumber === line.poLineNumber);
    if (line.poLineNumber === null || poLine === undefined) continue;
    const invoiced = line.unitPrice.amount;
    const ordered = poLine.unitPrice.amount;
    if (isPriceWithinTolerance(invoiced, ordered, tolerance)) continue;
    const perUnit = invoiced.subtract(ordered);
    variances.push({
      invoiceLineNumber: line.lineNumber,
      poLineNumber: line.poLineNumber,
      quantity: line.quantity,
      invoicedUnitPrice: invoiced,
      poUnitPrice: ordered,
      varianceAmount: perUnit,
      variancePercent: percentOf(perUnit, ordered),
      extendedVariance: toEventScale(perUnit.multiply(line.quantity)),
    });
  }
  return variances;
}

/** The whole variance: Σ extended variances, in percent of what those lines cost at PO prices. */
export function priceVariance(lines: readonly PriceVarianceLine[], currency: string): Variance {
  const amount = sum(lines.map((line) => line.extendedVariance));
  const expected = sum(lines.map((line) => line.poUnitPrice.multiply(line.quantity)));
  return { amount: { amount, currency }, percent: percentOf(amount, expected) };
}

export function describePriceVariances(lines: readonly PriceVarianceLine[]): string {
  return lines
    .map((line) => {
      const percent = line.variancePercent === null ? 'above a zero PO price' : `${line.variancePercent.toString()}% above`;
      return `line ${line.invoiceLineNumber}: unit price ${line.invoicedUnitPrice.toString()} is ${percent} the PO line ${line.poLineNumber} price ${line.poUnitPrice.toString()}`;
    })
    .join('; ');
}
