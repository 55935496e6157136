import { HOUR, RECEIVED_AT, d } from './decision-fixtures.fixture.spec';
import type { AwaitReceiptOutcome, ReceiptShortfall } from './invoice-outcome';
import {
  hasReceiptWaitExpired,
  invoicesToRematch,
  receiptWaitDeadline,
  reviewWaitingInvoice,
  waitingInvoiceOf,
  type WaitingInvoice,
} from './receipt-wait';

const UNTIL = new Date(RECEIVED_AT.getTime() + 72 * HOUR);
const shortfall: ReceiptShortfall = {
  poLineNumber: 1,
  invoiceLineNumbers: [1],
  ordered: d('10'),
  received: d('5'),
  previouslyInvoiced: d('0'),
  invoiced: d('10'),
  cumulative: d('10'),
  receiptLimit: d('5'),
  orderLimit: d('10'),
};
const waiting = (invoiceId: string, poNumber: string): WaitingInvoice => ({ invoiceId, poNumber, until: UNTIL, shortfalls: [shortfall] });

describe('receiptWaitDeadline', () => {
  it('is the received-at time plus the configured hours', () => {
    expect(receiptWaitDeadline(RECEIVED_AT, 72)).toEqual(new Date('2025-06-09T10:00:00.000Z'));
    expect(receiptWaitDeadline(RECEIVED_AT, 0)).toEqual(RECEIVED_AT);
    expect(receiptWaitDeadline(RECEIVED_AT, 7 / 3600).getTime() - RECEIVED_AT.getTime()).toBe(7000);
  });
});

describe('hasReceiptWaitExpired', () => {
  it('before the deadline › not expired; at it or after › expired', () => {
    expect(hasReceiptWaitExpired(UNTIL, new Date(UNTIL.getTime() - 1))).toBe(false);
    expect(hasReceiptWaitExpired(UNTIL, UNTIL)).toBe(true);
    expect(hasReceiptWaitExpired(UNTIL, new Date(UNTIL.getTime() + 1))).toBe(true);
  });
});

describe('reviewWaitingInvoice', () => {
  it('before the deadline › keeps waiting', () => {
    expect(reviewWaitingInvoice(waiting('INV-1', 'PO-1001'), new Date(UNTIL.getTime() - 1))).toEqual({ kind: 'still-waiting', until: UNTIL });
  });

  it('at the deadline › becomes a NO_RECEIPT exception with what was missing', () => {
    const review = reviewWaitingInvoice(waiting('INV-1', 'PO-1001'), UNTIL);
    expect(review.kind).toBe('expired');
    if (review.kind !== 'expired') return;
    expect(review.exception.reason).toBe('NO_RECEIPT');
    expect(review.exception.waitedUntil).toEqual(UNTIL);
    expect(review.exception.shortfalls).toEqual([shortfall]);
    expect(review.exception.detail).toBe(
      'no receipt covering the invoice arrived against purchase order PO-1001 by 2025-06-09T10:00:00.000Z: PO line 1: billed 10, received 5, ordered 10',
    );
  });
});

describe('invoicesToRematch', () => {
  it('when a receipt arrives › picks every invoice waiting on its PO, and only those', () => {
    const all = [waiting('INV-1', 'PO-1001'), waiting('INV-2', 'PO-2002'), waiting('INV-3', 'PO-1001')];
    expect(invoicesToRematch({ poNumber: 'PO-1001' }, all).map((w) => w.invoiceId)).toEqual(['INV-1', 'INV-3']);
    expect(invoicesToRematch({ poNumber: 'PO-3003' }, all)).toEqual([]);
  });
});

describe('waitingInvoiceOf', () => {
  it('keeps the PO, deadline and shortfalls of the await decision', () => {
    const outcome: AwaitReceiptOutcome = { kind: 'await-receipt', poNumber: 'PO-1001', until: UNTIL, shortfalls: [shortfall] };
    expect(waitingInvoiceOf('INV-1', outcome)).toEqual(waiting('INV-1', 'PO-1001'));
  });
});
