import { decidePaymentEvent } from './decide-payment-event';
import { contextWith, eventRequesting, paymentIn } from './payment-events.fixture.spec';
import { PAYMENT_STATUSES, type PaymentStatus, type RecordedPaymentStatus } from './payment-status';
import { isValidTransition, NOTIFY_ON_ENTERING, PAYMENT_TRANSITIONS } from './payment-transitions';

// Every (from, to) pair, generated from the table itself: what it lists must be applied, and
// everything else must be refused as data, never thrown.
const RECORDED = PAYMENT_STATUSES.filter((status): status is RecordedPaymentStatus => status !== 'NONE');
const allPairs = PAYMENT_STATUSES.flatMap((from) => RECORDED.map((to) => [from, to] as [PaymentStatus, RecordedPaymentStatus]));
const validPairs = allPairs.filter(([from, to]) => isValidTransition(from, to));
const samePairs = allPairs.filter(([from, to]) => from === to);
const invalidPairs = allPairs.filter(([from, to]) => from !== to && !isValidTransition(from, to));

describe('the payment transition table', () => {
  it('lists exactly the agreed lifecycle', () => {
    expect(PAYMENT_TRANSITIONS).toEqual({
      NONE: ['SCHEDULED'],
      SCHEDULED: ['COMPLETED', 'FAILED', 'VOIDED'],
      COMPLETED: ['FAILED', 'VOIDED'],
      FAILED: ['SCHEDULED', 'VOIDED'],
      VOIDED: [],
    });
  });

  it('splits the 20 (from, to) pairs into 8 valid, 4 same-status and 8 invalid ones', () => {
    expect([allPairs.length, validPairs.length, samePairs.length, invalidPairs.length]).toEqual([20, 8, 4, 8]);
  });

  it('never lists a status as a transition to itself', () => {
    expect(samePairs.filter(([from, to]) => isValidTransition(from, to))).toEqual([]);
  });

  it('tells AP automation of outcomes only, and purchasing of every step', () => {
    expect(NOTIFY_ON_ENTERING).toEqual({
      SCHEDULED: ['PURCHASING'],
      COMPLETED: ['PURCHASING', 'AP_AUTOMATION'],
      FAILED: ['PURCHASING', 'AP_AUTOMATION'],
      VOIDED: ['PURCHASING', 'AP_AUTOMATION'],
    });
  });
});

describe('decidePaymentEvent over the table', () => {
  describe.each(validPairs)('when a %s payment receives the event for %s', (from, to) => {
    it(`› moves it to ${to} and notifies ${NOTIFY_ON_ENTERING[to].join(' and ')}`, () => {
      const decision = decidePaymentEvent(paymentIn(from), eventRequesting(to), contextWith());
      expect(decision).toMatchObject({ kind: 'transition', from, to, notify: NOTIFY_ON_ENTERING[to] });
      expect(decision.kind === 'transition' && decision.next.status).toBe(to);
    });
  });

  describe.each(invalidPairs.filter(([from]) => from === 'NONE'))('when a payment never scheduled (%s) receives the event for %s', (_from, to) => {
    it('› rejects it as UNKNOWN_PAYMENT rather than scheduling it implicitly', () => {
      const event = eventRequesting(to);
      expect(decidePaymentEvent(null, event, contextWith())).toEqual({
        kind: 'rejected',
        reason: { code: 'UNKNOWN_PAYMENT', paymentId: event.value.paymentId, eventType: event.eventType },
        surfaceTo: [],
      });
    });
  });

  describe.each(invalidPairs.filter(([from]) => from !== 'NONE'))('when a %s payment receives the event for %s', (from, to) => {
    it('› rejects it as INVALID_TRANSITION naming both statuses', () => {
      const current = paymentIn(from);
      expect(decidePaymentEvent(current, eventRequesting(to), contextWith())).toEqual({
        kind: 'rejected',
        reason: { code: 'INVALID_TRANSITION', from, to },
        surfaceTo: [],
      });
    });
  });

  describe.each(samePairs)('when a %s payment receives another event for %s', (from) => {
    it('› is a duplicate: the same status again changes nothing', () => {
      const current = paymentIn(from);
      expect(decidePaymentEvent(current, eventRequesting(from as RecordedPaymentStatus), contextWith())).toEqual({
        kind: 'duplicate',
        status: from,
        because: 'SAME_STATUS',
      });
    });
  });
});
