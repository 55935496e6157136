import type { PaymentRecord } from './payment-record';
import type { PaymentRejection } from './payment-rejection';
import type { NotifyTarget, PaymentStatus, RecordedPaymentStatus } from './payment-status';
import type { PaymentHoldReason, SupplierPaymentHold } from './supplier-payment-hold';

/** Something a person must look at although the transition was applied. */
export type PaymentAlert = {
  /** The bank reports money paid to a supplier whose payments are held: check the account it went to. */
  readonly code: 'PAID_WHILE_SUPPLIER_ON_HOLD';
  readonly supplierId: string;
  readonly holdReason: PaymentHoldReason;
  readonly heldSince: Date;
};

/** What to do with one payment event. Never thrown: an invalid event is a `rejected` outcome. */
export type PaymentDecision =
  | {
      readonly kind: 'transition';
      readonly from: PaymentStatus;
      readonly to: RecordedPaymentStatus;
      /** The record to store. */
      readonly next: PaymentRecord;
      /** Who gets a status update (see toStatusUpdates). */
      readonly notify: readonly NotifyTarget[];
      readonly alerts: readonly PaymentAlert[];
      /** payment id + status (+ attempt): the key target-system calls for this change carry. */
      readonly idempotencyKey: string;
    }
  | {
      /** Already applied: nothing to store, nobody to tell. */
      readonly kind: 'duplicate';
      readonly status: RecordedPaymentStatus;
      readonly because: 'SAME_STATUS' | 'EVENT_ALREADY_APPLIED';
    }
  | {
      readonly kind: 'rejected';
      readonly reason: PaymentRejection;
      /** Targets that must hear about the rejection (AP for a supplier hold); operations see every one. */
      readonly surfaceTo: readonly NotifyTarget[];
    };

/** The lookups a decision needs; the caller loads them (Redis, reference data). */
export interface PaymentDecisionContext {
  /** The supplier's payment hold, or null when payments may flow. */
  readonly paymentHoldOf: (supplierId: string) => SupplierPaymentHold | null;
  /** The purchase order an invoice bills, when known, so purchasing can be told per PO. */
  readonly poNumberOfInvoice: (invoiceId: string) => string | null;
}
