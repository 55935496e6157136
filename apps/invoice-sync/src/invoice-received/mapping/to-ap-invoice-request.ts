import { createHash } from 'node:crypto';
import { Decimal, type InvoiceReceived } from '@procurelink/canonical-schemas';
import type { ApInvoiceRequest } from '@procurelink/erp-connector';

const ROUNDING_DESCRIPTION = 'Rounding difference (supplier rounding within the allowance)';
const MAX_KEY_LENGTH = 255;

/**
 * The ERP AP invoice for a matched invoice. It balances exactly (sum of line amounts + tax =
 * amount): when the supplier's rounding left the lines a cent or so off the total (within the
 * allowance the decision accepted), one extra line carries the difference. Amounts are written in
 * one canonical notation (no trailing zeros beyond cents), so the request is byte-identical
 * whether the invoice came from the source record or back from Avro at scale 4 — the ERP compares
 * request bodies under one idempotency key.
 */
export function toApInvoiceRequest(invoice: InvoiceReceived): ApInvoiceRequest {
  if (invoice.poNumber === null) throw new Error(`invoice ${invoice.invoiceId} names no purchase order; only matched invoices are posted`);
  const lines: Array<ApInvoiceRequest['lines'][number]> = invoice.lines.map((line) => ({
    lineNumber: line.lineNumber,
    ...(line.poLineNumber === null ? {} : { poLineNumber: line.poLineNumber }),
    description: line.description,
    quantity: notation(line.quantity),
    amount: notation(line.lineAmount.amount),
  }));
  const tax = invoice.taxAmount.amount;
  const total = invoice.totalAmount.amount;
  const linesSum = invoice.lines.reduce((sum, line) => sum.add(line.lineAmount.amount), Decimal.zero());
  const difference = total.subtract(linesSum.add(tax));
  if (!difference.isZero()) {
    const next = Math.max(0, ...invoice.lines.map((line) => line.lineNumber)) + 1;
    lines.push({ lineNumber: next, description: ROUNDING_DESCRIPTION, amount: notation(difference) });
  }
  return {
    invoiceId: invoice.invoiceId,
    supplierId: invoice.supplierId,
    poNumber: invoice.poNumber,
    supplierInvoiceNumber: invoice.supplierInvoiceNumber,
    facilityId: invoice.envelope.facilityId,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.dueDate === null ? {} : { dueDate: invoice.dueDate }),
    amount: notation(total),
    taxAmount: notation(tax),
    currency: invoice.totalAmount.currency,
    lines,
  };
}

/**
 * The ERP idempotency key of an invoice posting: its business key (supplier + normalised number
 * + amount + currency), not the invoice id. A copy captured under a new invoice id therefore
 * cannot post a second time even if the duplicate index were lost: the ERP answers 409 (the key
 * answered a different request) and nothing posts. Hashed when longer than the ERP accepts.
 */
export function erpIdempotencyKey(businessKey: string): string {
  if (businessKey.length <= MAX_KEY_LENGTH) return businessKey;
  return `invoice:sha256:${createHash('sha256').update(businessKey).digest('hex')}`;
}

/** At least two decimal places, no trailing zeros beyond: 125.0000 → "125.00", 1.2345 → "1.2345". */
function notation(value: Decimal): string {
  let scale = Math.max(value.scale, 2);
  while (scale > 2 && value.roundHalfEven(scale - 1).equals(value)) scale -= 1;
  return value.roundHalfEven(scale).withScale(scale).toString();
}
