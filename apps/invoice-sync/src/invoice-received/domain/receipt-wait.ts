import type { AwaitReceiptOutcome, InvoiceException, ReceiptShortfall } from './invoice-outcome';
import { describePositions } from './quantity-position';

const MS_PER_HOUR = 3_600_000;

/** An invoice waiting for its goods receipt, as the service keeps it. */
export interface WaitingInvoice {
  readonly invoiceId: string;
  readonly poNumber: string;
  /** The deadline the first await-receipt decision set; re-matching keeps it. */
  readonly until: Date;
  /** What was missing when it was last matched. */
  readonly shortfalls: readonly ReceiptShortfall[];
}

export type WaitReview =
  | { readonly kind: 'still-waiting'; readonly until: Date }
  | { readonly kind: 'expired'; readonly exception: Extract<InvoiceException, { reason: 'NO_RECEIPT' }> };

/** The record to keep for an invoice the decision told to wait. */
export function waitingInvoiceOf(invoiceId: string, outcome: AwaitReceiptOutcome): WaitingInvoice {
  return { invoiceId, poNumber: outcome.poNumber, until: outcome.until, shortfalls: outcome.shortfalls };
}

/** When an invoice captured at `receivedAt` stops waiting for its receipt. */
export function receiptWaitDeadline(receivedAt: Date, receiptWaitHours: number): Date {
  // Rounded to the millisecond: a wait given in seconds is a fraction of an hour.
  return new Date(receivedAt.getTime() + Math.round(receiptWaitHours * MS_PER_HOUR));
}

/** The wait is over at the deadline itself, not a moment later. */
export function hasReceiptWaitExpired(until: Date, now: Date): boolean {
  return now.getTime() >= until.getTime();
}

/** Whether a waiting invoice may keep waiting at `now`, or has become a NO_RECEIPT exception. */
export function reviewWaitingInvoice(waiting: WaitingInvoice, now: Date): WaitReview {
  if (!hasReceiptWaitExpired(waiting.until, now)) return { kind: 'still-waiting', until: waiting.until };
  return { kind: 'expired', exception: noReceiptException(waiting.poNumber, waiting.until, waiting.shortfalls) };
}

/**
 * The waiting invoices a receipt may complete: every one on the receipt's PO, expired or not — a
 * late receipt still lets an invoice match that the sweep has not turned into an exception yet.
 */
export function invoicesToRematch(receipt: { readonly poNumber: string }, waiting: readonly WaitingInvoice[]): readonly WaitingInvoice[] {
  return waiting.filter((invoice) => invoice.poNumber === receipt.poNumber);
}

export function noReceiptException(
  poNumber: string,
  until: Date,
  shortfalls: readonly ReceiptShortfall[],
): Extract<InvoiceException, { reason: 'NO_RECEIPT' }> {
  const what = shortfalls.length === 0 ? '' : `: ${describePositions(shortfalls)}`;
  return {
    reason: 'NO_RECEIPT',
    detail: `no receipt covering the invoice arrived against purchase order ${poNumber} by ${until.toISOString()}${what}`,
    waitedUntil: until,
    shortfalls,
  };
}
