/**
 * Where a payment is in its lifecycle. NONE is "no PaymentScheduled accepted yet": it is never
 * stored, it is what a payment id with no record is in.
 */
export const PAYMENT_STATUSES = ['NONE', 'SCHEDULED', 'COMPLETED', 'FAILED', 'VOIDED'] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A status a payment record can be in once it exists. */
export type RecordedPaymentStatus = Exclude<PaymentStatus, 'NONE'>;

/** The systems a payment status goes back to. Dashboards read the canonical topics instead. */
export const NOTIFY_TARGETS = ['PURCHASING', 'AP_AUTOMATION'] as const;

export type NotifyTarget = (typeof NOTIFY_TARGETS)[number];
