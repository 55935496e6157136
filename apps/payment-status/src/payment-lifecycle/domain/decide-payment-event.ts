import type { PaymentCompleted, PaymentFailed, PaymentScheduled, PaymentVoided } from '@procurelink/canonical-schemas';
import type { PaymentAlert, PaymentDecision, PaymentDecisionContext } from './payment-decision';
import { effectiveAt, STATUS_REQUESTED_BY, type PaymentEvent } from './payment-event';
import { paymentStatusKey } from './payment-idempotency-key';
import type { PaymentRecord } from './payment-record';
import type { PaymentRejection } from './payment-rejection';
import type { NotifyTarget, PaymentStatus, RecordedPaymentStatus } from './payment-status';
import { isValidTransition, NOTIFY_ON_ENTERING } from './payment-transitions';

/**
 * Decides what one ERP payment event does to a payment. Pure: the current record and the
 * lookups are passed in, the next record is returned. In order:
 *   1. an eventId already applied, or the status the payment already has → duplicate (no-op);
 *   2. another supplier than the payment's → SUPPLIER_MISMATCH;
 *   3. no edge in PAYMENT_TRANSITIONS → UNKNOWN_PAYMENT from NONE (never an implicit schedule:
 *      that would bypass the hold and amount checks), else INVALID_TRANSITION;
 *   4. the event's own rules: a (re-)schedule needs an amount above zero and a supplier not on
 *      hold; a completion must match the scheduled currency and amount exactly.
 * A completion for a supplier put on hold after the schedule is applied (the money has left the
 * bank; refusing the fact would only hide it) with a PAID_WHILE_SUPPLIER_ON_HOLD alert for AP.
 * Failures and voids are always applied during a hold: they stop money, as the hold wants.
 */
export function decidePaymentEvent(
  current: PaymentRecord | null,
  event: PaymentEvent,
  context: PaymentDecisionContext,
): PaymentDecision {
  const from: PaymentStatus = current?.status ?? 'NONE';
  const to = STATUS_REQUESTED_BY[event.eventType];

  if (current !== null) {
    if (current.appliedEventIds.includes(event.value.envelope.eventId)) {
      return { kind: 'duplicate', status: current.status, because: 'EVENT_ALREADY_APPLIED' };
    }
    if (current.status === to) return { kind: 'duplicate', status: to, because: 'SAME_STATUS' };
    if (current.supplierId !== event.value.supplierId) {
      return rejected({ code: 'SUPPLIER_MISMATCH', expected: current.supplierId, actual: event.value.supplierId });
    }
  }
  if (!isValidTransition(from, to)) {
    return rejected(
      from === 'NONE'
        ? { code: 'UNKNOWN_PAYMENT', paymentId: event.value.paymentId, eventType: event.eventType }
        : { code: 'INVALID_TRANSITION', from, to },
    );
  }
  if (event.eventType === 'PaymentScheduled') return schedule(current, event.value, context);
  // The table leaves NONE only towards SCHEDULED, so a record exists from here on.
  if (current === null) return rejected({ code: 'UNKNOWN_PAYMENT', paymentId: event.value.paymentId, eventType: event.eventType });

  const base = advance(current, event, to);
  switch (event.eventType) {
    case 'PaymentCompleted':
      return complete(current, base, event.value, context);
    case 'PaymentFailed':
      return transition(from, fail(base, event.value));
    case 'PaymentVoided':
      return transition(from, voidPayment(current, base, event.value));
  }
}

function schedule(current: PaymentRecord | null, event: PaymentScheduled, context: PaymentDecisionContext): PaymentDecision {
  if (event.amount.amount.isZero() || event.amount.amount.isNegative()) return rejected({ code: 'INVALID_AMOUNT', amount: event.amount });
  const attempt = current === null ? 1 : current.attempt + 1;
  const hold = context.paymentHoldOf(event.supplierId);
  if (hold !== null) {
    return rejected(
      {
        code: 'SUPPLIER_ON_HOLD',
        paymentId: event.paymentId,
        supplierId: event.supplierId,
        holdReason: hold.reason,
        heldSince: hold.since,
        attempt,
        invoiceIds: event.invoiceIds,
        amount: event.amount,
      },
      ['AP_AUTOMATION'],
    );
  }
  return transition(current?.status ?? 'NONE', {
    paymentId: event.paymentId,
    supplierId: event.supplierId,
    status: 'SCHEDULED',
    attempt,
    amount: event.amount,
    method: event.method,
    scheduledDate: event.scheduledDate,
    invoices: event.invoiceIds.map((invoiceId) => ({ invoiceId, poNumber: context.poNumberOfInvoice(invoiceId) })),
    statusSince: event.envelope.occurredAt,
    completion: null,
    failure: null,
    voiding: null,
    appliedEventIds: [...(current?.appliedEventIds ?? []), event.envelope.eventId],
  });
}

function complete(current: PaymentRecord, base: PaymentRecord, event: PaymentCompleted, context: PaymentDecisionContext): PaymentDecision {
  const expected = current.amount;
  if (event.amount.currency !== expected.currency) {
    return rejected({ code: 'CURRENCY_MISMATCH', expected: expected.currency, actual: event.amount.currency });
  }
  if (!event.amount.amount.equals(expected.amount)) {
    return rejected({ code: 'AMOUNT_MISMATCH', expected, actual: event.amount });
  }
  const hold = context.paymentHoldOf(event.supplierId);
  const alerts: PaymentAlert[] =
    hold === null ? [] : [{ code: 'PAID_WHILE_SUPPLIER_ON_HOLD', supplierId: event.supplierId, holdReason: hold.reason, heldSince: hold.since }];
  const next: PaymentRecord = {
    ...base,
    completion: { paidAt: event.paidAt, amount: event.amount, bankReference: event.bankReference },
  };
  return transition(current.status, next, alerts);
}

function fail(base: PaymentRecord, event: PaymentFailed): PaymentRecord {
  return { ...base, failure: { code: event.failureCode, reason: event.failureReason, failedAt: event.failedAt } };
}

function voidPayment(current: PaymentRecord, base: PaymentRecord, event: PaymentVoided): PaymentRecord {
  return { ...base, voiding: { reason: event.reason, voidedAt: event.voidedAt, reversal: current.status === 'COMPLETED' } };
}

/** The record moved to `to` by `event`, before the event's own details are recorded. */
function advance(current: PaymentRecord, event: PaymentEvent, to: RecordedPaymentStatus): PaymentRecord {
  return {
    ...current,
    status: to,
    statusSince: effectiveAt(event),
    appliedEventIds: [...current.appliedEventIds, event.value.envelope.eventId],
  };
}

function transition(from: PaymentStatus, next: PaymentRecord, alerts: readonly PaymentAlert[] = []): PaymentDecision {
  return {
    kind: 'transition',
    from,
    to: next.status,
    next,
    notify: NOTIFY_ON_ENTERING[next.status],
    alerts,
    idempotencyKey: paymentStatusKey(next.paymentId, next.status, next.attempt),
  };
}

function rejected(reason: PaymentRejection, surfaceTo: readonly NotifyTarget[] = []): PaymentDecision {
  return { kind: 'rejected', reason, surfaceTo };
}
