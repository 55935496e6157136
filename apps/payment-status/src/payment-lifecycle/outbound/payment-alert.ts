import { stableEventId } from '@procurelink/canonical-schemas';
import {
  describeRejection,
  effectiveAt,
  STATUS_REQUESTED_BY,
  type NotifyTarget,
  type PaymentAlert,
  type PaymentEvent,
  type PaymentRejection,
  type PaymentStatus,
  type RecordedPaymentStatus,
} from '../domain';

/**
 * A record on ops.payment-alert.v1 (JSON, key paymentId): an ERP payment event that was refused
 * (PAYMENT_REJECTED: an invalid transition, a supplier hold, a mismatch) or applied with something
 * a person must check (PAYMENT_ALERT: paid while the supplier was on hold). Ids, statuses and
 * amounts only; never a bank account.
 */
export interface PaymentAlertRecord {
  /** Stable: the same event refused twice gives the same alert id. */
  readonly alertId: string;
  readonly kind: 'PAYMENT_REJECTED' | 'PAYMENT_ALERT';
  readonly code: string;
  readonly message: string;
  readonly paymentId: string;
  readonly supplierId: string;
  readonly facilityId: string;
  readonly eventType: string;
  /** The canonical event id of the ERP status change. */
  readonly eventId: string;
  /** When the change happened in the ERP. */
  readonly occurredAt: Date;
  /** The payment's status when the event arrived, and the status the event asked for. */
  readonly currentStatus: PaymentStatus;
  readonly requestedStatus: RecordedPaymentStatus;
  /** Target systems told as well (AP automation for a hold). */
  readonly surfaceTo: readonly NotifyTarget[];
  /** The rejection or alert as data (codes, ids, amounts as decimal strings). */
  readonly details: PaymentRejection | PaymentAlert;
}

export const PAYMENT_REJECTED = 'PaymentRejected';
export const PAYMENT_ALERT_RAISED = 'PaymentAlertRaised';

export function rejectionAlert(
  event: PaymentEvent,
  current: PaymentStatus,
  rejection: PaymentRejection,
  surfaceTo: readonly NotifyTarget[],
): PaymentAlertRecord {
  return alertRecord(event, current, 'PAYMENT_REJECTED', rejection.code, describeRejection(rejection), rejection, surfaceTo);
}

export function transitionAlert(event: PaymentEvent, current: PaymentStatus, alert: PaymentAlert): PaymentAlertRecord {
  const message = `payment ${event.value.paymentId} was paid while supplier ${alert.supplierId} had payments on hold (${alert.holdReason} since ${alert.heldSince.toISOString()}): check the account it went to`;
  return alertRecord(event, current, 'PAYMENT_ALERT', alert.code, message, alert, ['AP_AUTOMATION']);
}

function alertRecord(
  event: PaymentEvent,
  current: PaymentStatus,
  kind: PaymentAlertRecord['kind'],
  code: string,
  message: string,
  details: PaymentAlertRecord['details'],
  surfaceTo: readonly NotifyTarget[],
): PaymentAlertRecord {
  const eventId = event.value.envelope.eventId;
  return {
    alertId: stableEventId('payment-alert', eventId, code),
    kind,
    code,
    message,
    paymentId: event.value.paymentId,
    supplierId: event.value.supplierId,
    facilityId: event.value.envelope.facilityId,
    eventType: event.eventType,
    eventId,
    occurredAt: effectiveAt(event),
    currentStatus: current,
    requestedStatus: STATUS_REQUESTED_BY[event.eventType],
    surfaceTo,
    details,
  };
}
