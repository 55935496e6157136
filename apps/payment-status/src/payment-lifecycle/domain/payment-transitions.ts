import type { NotifyTarget, PaymentStatus, RecordedPaymentStatus } from './payment-status';

/**
 * The payment lifecycle as data: for each status, the statuses it may move to (in the style of
 * kafkajs's consumer state table). Anything not listed is rejected: INVALID_TRANSITION, or
 * UNKNOWN_PAYMENT from NONE. The same status again is a duplicate, never a transition.
 */
export const PAYMENT_TRANSITIONS: { readonly [From in PaymentStatus]: readonly RecordedPaymentStatus[] } = {
  // The ERP scheduled it. Completed, failed or voided first: UNKNOWN_PAYMENT.
  NONE: ['SCHEDULED'],
  SCHEDULED: ['COMPLETED', 'FAILED', 'VOIDED'],
  // FAILED: returned by the bank after it left (an ACH return such as R01). VOIDED: reversed.
  COMPLETED: ['FAILED', 'VOIDED'],
  // SCHEDULED: re-scheduled under the same payment id (attempt + 1). VOIDED: abandoned.
  // Never straight to COMPLETED: a failed payment is scheduled again first.
  FAILED: ['SCHEDULED', 'VOIDED'],
  // Terminal: a voided payment id is not reused; the ERP schedules a new payment.
  VOIDED: [],
};

/**
 * Who is told when a payment enters a status. Purchasing follows every step of its POs'
 * payments; AP automation needs the outcomes for its invoices (paid, failed, voided).
 */
export const NOTIFY_ON_ENTERING: { readonly [To in RecordedPaymentStatus]: readonly NotifyTarget[] } = {
  SCHEDULED: ['PURCHASING'],
  COMPLETED: ['PURCHASING', 'AP_AUTOMATION'],
  FAILED: ['PURCHASING', 'AP_AUTOMATION'],
  VOIDED: ['PURCHASING', 'AP_AUTOMATION'],
};

export function isValidTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return (PAYMENT_TRANSITIONS[from] as readonly PaymentStatus[]).includes(to);
}
