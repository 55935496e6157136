import { decidePaymentEvent } from './decide-payment-event';
import {
  completed,
  contextWith,
  failed,
  HOLD,
  money,
  PAYMENT_ID,
  replay,
  scheduled,
  SUPPLIER_ID,
  voided,
} from './payment-events.fixture.spec';
import type { PaymentDecision } from './payment-decision';
import type { PaymentRecord } from './payment-record';
import { describeRejection, type PaymentRejection } from './payment-rejection';

function transitionOf(decision: PaymentDecision): Extract<PaymentDecision, { kind: 'transition' }> {
  if (decision.kind !== 'transition') throw new Error(`expected a transition, got ${JSON.stringify(decision)}`);
  return decision;
}

function record(...events: Parameters<typeof replay>[0]): PaymentRecord {
  const result = replay(events);
  if (result === null) throw new Error('no events replayed');
  return result;
}

describe('decidePaymentEvent', () => {
  describe('when the ERP schedules a new payment', () => {
    const event = scheduled({ eventId: 'evt-s1' });
    const decision = transitionOf(decidePaymentEvent(null, event, contextWith()));

    it('› records it as SCHEDULED, first attempt, with the PO each invoice bills', () => {
      expect(decision.next).toEqual({
        paymentId: PAYMENT_ID,
        supplierId: SUPPLIER_ID,
        status: 'SCHEDULED',
        attempt: 1,
        amount: money('1250.00'),
        method: 'ACH',
        scheduledDate: '2025-06-05',
        invoices: [
          { invoiceId: 'INV-1', poNumber: 'PO-100' },
          { invoiceId: 'INV-2', poNumber: 'PO-200' },
          { invoiceId: 'INV-3', poNumber: 'PO-100' },
        ],
        statusSince: event.value.envelope.occurredAt,
        completion: null,
        failure: null,
        voiding: null,
        appliedEventIds: ['evt-s1'],
      });
    });

    it('› keys the change by payment id + status + attempt', () => {
      expect(decision.idempotencyKey).toBe('payment:PAY-7001:SCHEDULED:1');
    });

    it('› keeps no bank account in the record', () => {
      expect(JSON.stringify(decision.next)).not.toMatch(/tok_bank_secret|4321/);
    });
  });

  describe('when the schedule is for zero or a negative amount', () => {
    it.each(['0.00', '-10.00'])('› rejects %s as INVALID_AMOUNT', (amount) => {
      expect(decidePaymentEvent(null, scheduled({ amount: money(amount) }), contextWith())).toEqual({
        kind: 'rejected',
        reason: { code: 'INVALID_AMOUNT', amount: money(amount) },
        surfaceTo: [],
      });
    });
  });

  describe('when the same event is delivered again', () => {
    it('› is a duplicate by event id, even after the payment moved on', () => {
      const first = scheduled({ eventId: 'evt-first-schedule' });
      const current = record(first, failed());
      expect(decidePaymentEvent(current, first, contextWith())).toEqual({
        kind: 'duplicate',
        status: 'FAILED',
        because: 'EVENT_ALREADY_APPLIED',
      });
    });
  });

  describe('when a failed payment is scheduled again', () => {
    const current = record(scheduled(), failed());
    const decision = transitionOf(decidePaymentEvent(current, scheduled({ amount: money('1240.00') }), contextWith()));

    it('› starts the next attempt with the new amount and clears the failure', () => {
      expect(decision.next).toMatchObject({ status: 'SCHEDULED', attempt: 2, amount: money('1240.00'), failure: null });
      expect(decision.idempotencyKey).toBe('payment:PAY-7001:SCHEDULED:2');
    });

    it('› treats a second failure as new, not as a redelivery of the first', () => {
      const second = decidePaymentEvent(decision.next, failed({ failureCode: 'R01', failureReason: 'Insufficient funds' }), contextWith());
      expect(transitionOf(second)).toMatchObject({ from: 'SCHEDULED', to: 'FAILED', idempotencyKey: 'payment:PAY-7001:FAILED:2' });
      expect(transitionOf(second).next.failure).toMatchObject({ code: 'R01' });
    });
  });

  describe('when the supplier has payments on hold (bank details changed, not confirmed)', () => {
    const held = contextWith(HOLD);

    it('› rejects a new schedule as SUPPLIER_ON_HOLD and surfaces it to AP automation', () => {
      expect(decidePaymentEvent(null, scheduled(), held)).toEqual({
        kind: 'rejected',
        reason: {
          code: 'SUPPLIER_ON_HOLD',
          paymentId: PAYMENT_ID,
          supplierId: SUPPLIER_ID,
          holdReason: 'BANK_DETAILS_UNCONFIRMED',
          heldSince: HOLD.since,
          attempt: 1,
          invoiceIds: ['INV-1', 'INV-2', 'INV-3'],
          amount: money('1250.00'),
        },
        surfaceTo: ['AP_AUTOMATION'],
      });
    });

    it('› rejects a re-schedule after a failure too, naming the refused attempt', () => {
      const current = record(scheduled(), failed());
      const decision = decidePaymentEvent(current, scheduled(), held);
      expect(decision).toMatchObject({ kind: 'rejected', reason: { code: 'SUPPLIER_ON_HOLD', attempt: 2 } });
    });

    it('› still records a completion (the money has left) with a PAID_WHILE_SUPPLIER_ON_HOLD alert', () => {
      const decision = transitionOf(decidePaymentEvent(record(scheduled()), completed(), held));
      expect(decision.to).toBe('COMPLETED');
      expect(decision.alerts).toEqual([
        { code: 'PAID_WHILE_SUPPLIER_ON_HOLD', supplierId: SUPPLIER_ID, holdReason: 'BANK_DETAILS_UNCONFIRMED', heldSince: HOLD.since },
      ]);
    });

    it.each([
      ['PaymentFailed', failed],
      ['PaymentVoided', voided],
    ])('› applies %s without an alert: it stops money, as the hold wants', (_name, build) => {
      const decision = transitionOf(decidePaymentEvent(record(scheduled()), build(), held));
      expect(decision.alerts).toEqual([]);
    });

    it('› does not hold other suppliers', () => {
      const other = decidePaymentEvent(null, scheduled({ supplierId: 'SUP-OTHER' }), held);
      expect(other.kind).toBe('transition');
    });
  });

  describe('when a completion arrives', () => {
    const current = record(scheduled());

    it('› records when, how much and the bank reference', () => {
      const decision = transitionOf(decidePaymentEvent(current, completed(), contextWith()));
      expect(decision.next).toMatchObject({
        status: 'COMPLETED',
        statusSince: new Date('2025-06-05T14:00:00.000Z'),
        completion: { paidAt: new Date('2025-06-05T14:00:00.000Z'), amount: money('1250.00'), bankReference: 'ACH-TRACE-991' },
      });
      expect(decision.idempotencyKey).toBe('payment:PAY-7001:COMPLETED:1');
    });

    it('› accepts the same amount written at another scale (1250.0 equals 1250.00)', () => {
      expect(decidePaymentEvent(current, completed({ amount: money('1250.0') }), contextWith()).kind).toBe('transition');
    });

    it('› rejects a different amount as AMOUNT_MISMATCH', () => {
      expect(decidePaymentEvent(current, completed({ amount: money('1250.01') }), contextWith())).toEqual({
        kind: 'rejected',
        reason: { code: 'AMOUNT_MISMATCH', expected: money('1250.00'), actual: money('1250.01') },
        surfaceTo: [],
      });
    });

    it('› rejects another currency as CURRENCY_MISMATCH, before comparing amounts', () => {
      expect(decidePaymentEvent(current, completed({ amount: money('1250.00', 'CAD') }), contextWith())).toEqual({
        kind: 'rejected',
        reason: { code: 'CURRENCY_MISMATCH', expected: 'USD', actual: 'CAD' },
        surfaceTo: [],
      });
    });
  });

  describe('when an event names another supplier than the payment was scheduled for', () => {
    it('› rejects it as SUPPLIER_MISMATCH', () => {
      expect(decidePaymentEvent(record(scheduled()), completed({ supplierId: 'SUP-EVIL' }), contextWith())).toEqual({
        kind: 'rejected',
        reason: { code: 'SUPPLIER_MISMATCH', expected: SUPPLIER_ID, actual: 'SUP-EVIL' },
        surfaceTo: [],
      });
    });
  });

  describe('when a completed payment is returned by the bank', () => {
    it('› moves to FAILED and keeps the completion it reverses', () => {
      const decision = transitionOf(decidePaymentEvent(record(scheduled(), completed()), failed(), contextWith()));
      expect(decision.next).toMatchObject({ status: 'FAILED', failure: { code: 'R03' }, completion: { bankReference: 'ACH-TRACE-991' } });
    });
  });

  describe('when a payment is voided', () => {
    it('› after completion › records a reversal', () => {
      const decision = transitionOf(decidePaymentEvent(record(scheduled(), completed()), voided(), contextWith()));
      expect(decision.next.voiding).toEqual({ reason: 'Duplicate payment run', voidedAt: new Date('2025-06-07T10:00:00.000Z'), reversal: true });
    });

    it('› before completion › is not a reversal', () => {
      const decision = transitionOf(decidePaymentEvent(record(scheduled()), voided(), contextWith()));
      expect(decision.next.voiding?.reversal).toBe(false);
    });

    it('› leaves the payment terminal: a later schedule is an INVALID_TRANSITION', () => {
      const current = record(scheduled(), voided());
      expect(decidePaymentEvent(current, scheduled(), contextWith())).toMatchObject({
        kind: 'rejected',
        reason: { code: 'INVALID_TRANSITION', from: 'VOIDED', to: 'SCHEDULED' },
      });
    });
  });
});

describe('describeRejection', () => {
  const cases: readonly [PaymentRejection, string][] = [
    [{ code: 'INVALID_TRANSITION', from: 'VOIDED', to: 'COMPLETED' }, 'a payment cannot move from VOIDED to COMPLETED'],
    [{ code: 'UNKNOWN_PAYMENT', paymentId: 'PAY-1', eventType: 'PaymentCompleted' }, 'PaymentCompleted for payment PAY-1, which was never scheduled'],
    [
      {
        code: 'SUPPLIER_ON_HOLD',
        paymentId: 'PAY-1',
        supplierId: 'SUP-1',
        holdReason: 'BANK_DETAILS_UNCONFIRMED',
        heldSince: new Date('2025-06-01T00:00:00.000Z'),
        attempt: 1,
        invoiceIds: [],
        amount: money('1.00'),
      },
      'supplier SUP-1 has payments on hold (BANK_DETAILS_UNCONFIRMED since 2025-06-01T00:00:00.000Z); payment PAY-1 was not accepted',
    ],
    [{ code: 'SUPPLIER_MISMATCH', expected: 'SUP-1', actual: 'SUP-2' }, 'the payment was scheduled for supplier SUP-1, the event names SUP-2'],
    [{ code: 'AMOUNT_MISMATCH', expected: money('10.00'), actual: money('9.99') }, 'completed 9.99 USD but scheduled 10.00 USD'],
    [{ code: 'CURRENCY_MISMATCH', expected: 'USD', actual: 'EUR' }, 'completed in EUR but scheduled in USD'],
    [{ code: 'INVALID_AMOUNT', amount: money('0.00') }, 'a payment must be for more than zero, got 0.00 USD'],
  ];

  it.each(cases.map(([rejection, text]) => [rejection.code, rejection, text] as const))('when the reason is %s › says what happened in one line', (_code, rejection, text) => {
    expect(describeRejection(rejection)).toBe(text);
  });
});
