import type { CalendarDate, Decimal, InvoiceReceived, Money } from '@procurelink/canonical-schemas';

/** One invoice line as the decisions see it. */
export interface InvoiceLineForDecision {
  readonly lineNumber: number;
  /** The line of the invoice's purchase order this line bills; null for freight, fees and credits. */
  readonly poLineNumber: number | null;
  readonly description: string;
  /** The item's GTIN when the supplier gave one; carried for people and postings, not matched on. */
  readonly gtin: string | null;
  readonly quantity: Decimal;
  readonly unitPrice: Money;
  readonly lineAmount: Money;
  readonly taxAmount: Money | null;
}

/** A supplier invoice as the procure-to-pay decisions see it: what InvoiceReceived says, flattened. */
export interface InvoiceForDecision {
  readonly invoiceId: string;
  readonly supplierId: string;
  /** The number the supplier printed, as captured (normalise it with normaliseInvoiceNumber). */
  readonly invoiceNumber: string;
  readonly invoiceDate: CalendarDate;
  readonly facilityId: string;
  /** When AP automation captured the invoice; the receipt wait runs from here. */
  readonly receivedAt: Date;
  /** The purchase order every PO line of the invoice bills; null for a non-PO invoice. */
  readonly poNumber: string | null;
  readonly lines: readonly InvoiceLineForDecision[];
  readonly subtotal: Money;
  readonly taxAmount: Money;
  readonly total: Money;
}

/** The decision view of a canonical InvoiceReceived event. */
export function invoiceForDecision(event: InvoiceReceived): InvoiceForDecision {
  return {
    invoiceId: event.invoiceId,
    supplierId: event.supplierId,
    invoiceNumber: event.supplierInvoiceNumber,
    invoiceDate: event.invoiceDate,
    facilityId: event.envelope.facilityId,
    receivedAt: event.envelope.occurredAt,
    poNumber: event.poNumber,
    lines: event.lines.map((line) => ({
      lineNumber: line.lineNumber,
      poLineNumber: line.poLineNumber,
      description: line.description,
      gtin: line.item?.gtin ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineAmount: line.lineAmount,
      taxAmount: line.taxAmount,
    })),
    subtotal: event.subtotal,
    taxAmount: event.taxAmount,
    total: event.totalAmount,
  };
}
