import type { RecordedPaymentStatus } from './payment-status';

/**
 * The business identity of one payment status change: payment id + status, qualified by the
 * schedule attempt so that the second failure of a re-scheduled payment is not mistaken for a
 * redelivery of the first. Target-system calls for that change carry this key.
 */
export function paymentStatusKey(paymentId: string, status: RecordedPaymentStatus, attempt: number): string {
  return `payment:${paymentId}:${status}:${attempt}`;
}

/** The key of the notice that tells AP a payment was blocked or made while its supplier was on hold. */
export function paymentHoldNoticeKey(paymentId: string, situation: 'PAYMENT_BLOCKED' | 'PAID_DURING_HOLD', attempt: number): string {
  return `payment-hold:${paymentId}:${situation}:${attempt}`;
}
