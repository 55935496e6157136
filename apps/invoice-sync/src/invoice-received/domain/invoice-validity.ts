import { Decimal, type Money } from '@procurelink/canonical-schemas';
import { dayNumber } from './calendar-date';
import type { InvoiceForDecision, InvoiceLineForDecision } from './invoice';
import { normaliseInvoiceNumber } from './invoice-number';

/** What can make an invoice unusable as sent; a closed list. */
export type InvalidInvoiceCode =
  | 'NO_LINES'
  | 'BLANK_INVOICE_NUMBER'
  | 'MALFORMED_INVOICE_DATE'
  | 'MALFORMED_CURRENCY'
  | 'MIXED_CURRENCIES'
  | 'DUPLICATE_LINE_NUMBER'
  | 'NON_POSITIVE_QUANTITY'
  | 'NEGATIVE_UNIT_PRICE'
  | 'LINE_AMOUNT_MISMATCH'
  | 'SUBTOTAL_MISMATCH'
  | 'TAX_MISMATCH'
  | 'TOTAL_MISMATCH';

export interface InvalidInvoiceProblem {
  readonly code: InvalidInvoiceCode;
  /** The invoice line at fault, when it is one line. */
  readonly lineNumber: number | null;
  readonly detail: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * Everything wrong with the invoice as a document, before it is compared with anything else.
 *
 * - it has lines, a number with at least one letter or digit, a real invoice date and one ISO
 *   4217-shaped currency on every amount;
 * - line numbers are unique; a line that bills a PO line has a quantity above zero (lines without
 *   a PO line — freight, fees, credits — may be negative); no unit price is negative;
 * - line amount = quantity × unit price, subtotal = Σ line amounts, total = subtotal + tax, and
 *   when every line carries its tax, tax = Σ line taxes — each within `roundingAllowance`.
 *
 * Returns every problem found (empty when the invoice is well formed).
 */
export function findInvoiceProblems(invoice: InvoiceForDecision, roundingAllowance: Decimal): readonly InvalidInvoiceProblem[] {
  const problems: InvalidInvoiceProblem[] = [];
  const add = (code: InvalidInvoiceCode, detail: string, lineNumber: number | null = null): void => {
    problems.push({ code, lineNumber, detail });
  };
  const within = (a: Decimal, b: Decimal): boolean => a.subtract(b).abs().compare(roundingAllowance) <= 0;

  if (invoice.lines.length === 0) add('NO_LINES', 'the invoice has no lines');
  if (normaliseInvoiceNumber(invoice.invoiceNumber) === '') {
    add('BLANK_INVOICE_NUMBER', `the invoice number "${invoice.invoiceNumber}" has no letters or digits`);
  }
  if (dayNumber(invoice.invoiceDate) === null) {
    add('MALFORMED_INVOICE_DATE', `the invoice date "${invoice.invoiceDate}" is not a calendar date YYYY-MM-DD`);
  }
  const currency = invoice.total.currency;
  if (!CURRENCY_CODE.test(currency)) add('MALFORMED_CURRENCY', `the currency "${currency}" is not an ISO 4217 code such as USD`);
  const others = [...new Set(allAmounts(invoice).map((m) => m.currency).filter((c) => c !== currency))];
  if (others.length > 0) add('MIXED_CURRENCIES', `amounts are in ${[currency, ...others].join(' and ')}; an invoice has one currency`);

  const seen = new Set<number>();
  for (const line of invoice.lines) {
    if (seen.has(line.lineNumber)) add('DUPLICATE_LINE_NUMBER', `line number ${line.lineNumber} appears more than once`, line.lineNumber);
    seen.add(line.lineNumber);
    problems.push(...lineProblems(line, within));
  }

  const zero = Decimal.zero();
  const linesTotal = invoice.lines.reduce((sum, line) => sum.add(line.lineAmount.amount), zero);
  if (!within(linesTotal, invoice.subtotal.amount)) {
    add('SUBTOTAL_MISMATCH', `the lines add up to ${linesTotal.toString()}, the subtotal says ${invoice.subtotal.amount.toString()}`);
  }
  const lineTaxes = invoice.lines.map((line) => line.taxAmount);
  if (lineTaxes.length > 0 && lineTaxes.every((tax) => tax !== null)) {
    const taxTotal = lineTaxes.reduce((sum: Decimal, tax) => sum.add(tax?.amount ?? zero), zero);
    if (!within(taxTotal, invoice.taxAmount.amount)) {
      add('TAX_MISMATCH', `the line taxes add up to ${taxTotal.toString()}, the invoice tax says ${invoice.taxAmount.amount.toString()}`);
    }
  }
  const expectedTotal = invoice.subtotal.amount.add(invoice.taxAmount.amount);
  if (!within(expectedTotal, invoice.total.amount)) {
    add('TOTAL_MISMATCH', `subtotal + tax is ${expectedTotal.toString()}, the total says ${invoice.total.amount.toString()}`);
  }
  return problems;
}

function lineProblems(line: InvoiceLineForDecision, within: (a: Decimal, b: Decimal) => boolean): InvalidInvoiceProblem[] {
  const problems: InvalidInvoiceProblem[] = [];
  const n = line.lineNumber;
  const add = (code: InvalidInvoiceCode, detail: string): void => {
    problems.push({ code, lineNumber: n, detail });
  };
  const quantity = line.quantity.toString();
  const unitPrice = line.unitPrice.amount.toString();
  if (line.poLineNumber !== null && !line.quantity.greaterThan(Decimal.zero())) {
    add('NON_POSITIVE_QUANTITY', `line ${n} bills PO line ${line.poLineNumber} with quantity ${quantity}; it must be above zero`);
  }
  if (line.unitPrice.amount.isNegative()) add('NEGATIVE_UNIT_PRICE', `line ${n} has a negative unit price ${unitPrice}`);
  const extended = line.quantity.multiply(line.unitPrice.amount);
  if (!within(extended, line.lineAmount.amount)) {
    const stated = line.lineAmount.amount.toString();
    add('LINE_AMOUNT_MISMATCH', `line ${n}: ${quantity} × ${unitPrice} is ${extended.toString()}, the line amount says ${stated}`);
  }
  return problems;
}

function allAmounts(invoice: InvoiceForDecision): Money[] {
  const lineAmounts = invoice.lines.flatMap((line) => [line.unitPrice, line.lineAmount, ...(line.taxAmount ? [line.taxAmount] : [])]);
  return [invoice.subtotal, invoice.taxAmount, invoice.total, ...lineAmounts];
}
