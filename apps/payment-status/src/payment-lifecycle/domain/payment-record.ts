import type { CalendarDate, Money, PaymentMethod } from '@procurelink/canonical-schemas';
import type { RecordedPaymentStatus } from './payment-status';

/** An invoice a payment settles, with the purchase order it bills when one is known. */
export interface PaidInvoice {
  readonly invoiceId: string;
  readonly poNumber: string | null;
}

/** The state payment-status keeps per payment id (in Redis, rebuildable from the canonical topics). */
export interface PaymentRecord {
  readonly paymentId: string;
  readonly supplierId: string;
  readonly status: RecordedPaymentStatus;
  /** 1 for the first schedule, one more for each re-schedule after a failure. */
  readonly attempt: number;
  /** The amount of the current schedule. */
  readonly amount: Money;
  readonly method: PaymentMethod;
  readonly scheduledDate: CalendarDate;
  readonly invoices: readonly PaidInvoice[];
  /** When the current status took effect (paidAt, failedAt, voidedAt or the schedule's occurredAt). */
  readonly statusSince: Date;
  /** Set when the current attempt completed; kept if the bank later returns the payment. */
  readonly completion: { readonly paidAt: Date; readonly amount: Money; readonly bankReference: string | null } | null;
  /** The last failure of the current attempt. */
  readonly failure: { readonly code: string; readonly reason: string; readonly failedAt: Date } | null;
  readonly voiding: { readonly reason: string; readonly voidedAt: Date; readonly reversal: boolean } | null;
  /** Every eventId applied: a redelivery of any of them is a duplicate, whatever the status is now. */
  readonly appliedEventIds: readonly string[];
}
