import type { Decimal, Money } from '@procurelink/canonical-schemas';
import { normaliseInvoiceNumber } from './invoice-number';

/** What identifies an invoice in business terms, whatever ids the source systems gave it. */
export interface InvoiceIdentity {
  readonly supplierId: string;
  readonly invoiceNumber: string;
  readonly total: Money;
}

/**
 * The idempotency key of an invoice: supplier + normalised invoice number + total amount +
 * currency, e.g. "invoice:SUP-1:INV123:76.455:USD". The amount is written without trailing zeros
 * (76.4550 and 76.455 give one key) and the currency upper-cased; every part is URI-encoded so a
 * ":" inside a supplier id cannot make two identities collide.
 */
export function invoiceBusinessKey(invoice: InvoiceIdentity): string {
  const parts = [
    invoice.supplierId,
    normaliseInvoiceNumber(invoice.invoiceNumber),
    canonicalAmount(invoice.total.amount),
    invoice.total.currency.trim().toUpperCase(),
  ];
  return `invoice:${parts.map(encodeURIComponent).join(':')}`;
}

/** The shortest plain notation of a decimal: 76.4550 → "76.455", 100.00 → "100". */
export function canonicalAmount(amount: Decimal): string {
  let scale = amount.scale;
  while (scale > 0 && amount.roundHalfEven(scale - 1).equals(amount)) scale -= 1;
  return amount.roundHalfEven(scale).toString();
}
