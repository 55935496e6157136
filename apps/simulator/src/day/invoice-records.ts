import { Decimal } from '@procurelink/canonical-schemas';
import type { PlannedPo } from './purchase-orders';

export interface PlannedInvoice {
  readonly invoiceId: string;
  readonly supplierInvoiceNumber: string;
  readonly po: PlannedPo;
  readonly invoiceDate: string;
  /** 1 bills the PO price; 1.12 bills 12% over it (a price variance). */
  readonly priceFactor: string;
}

/** source.ap.invoice.v1: an invoice as AP automation captured it (apps/invoice-sync/SOURCE.md); no tax for supplies. */
export function apInvoiceRecord(invoice: PlannedInvoice, capturedAt: Date): object {
  const factor = Decimal.parse(invoice.priceFactor);
  const lines = invoice.po.lines.map((line) => {
    const unitPrice = line.unitPrice.multiply(factor).roundHalfEven(2);
    return { line, unitPrice, amount: line.quantity.multiply(unitPrice).roundHalfEven(2) };
  });
  const subtotal = lines.reduce((sum, { amount }) => sum.add(amount), Decimal.zero(2));
  const due = new Date(Date.parse(`${invoice.invoiceDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    invoiceId: invoice.invoiceId,
    supplierId: invoice.po.supplier.supplierId,
    supplierInvoiceNumber: invoice.supplierInvoiceNumber,
    invoiceDate: invoice.invoiceDate,
    dueDate: due,
    facilityId: invoice.po.buyer.facilityId,
    poNumber: invoice.po.poNumber,
    currency: 'USD',
    capturedAt: capturedAt.toISOString(),
    lines: lines.map(({ line, unitPrice, amount }) => ({
      lineNumber: line.lineNumber,
      poLineNumber: line.lineNumber,
      description: line.item.description,
      gtin: line.item.gtin,
      unitOfMeasure: line.item.unitOfMeasure,
      quantity: line.quantity.toString(),
      unitPrice: unitPrice.toString(),
      lineAmount: amount.toString(),
    })),
    subtotal: subtotal.toString(),
    taxAmount: '0.00',
    total: subtotal.toString(),
  };
}
