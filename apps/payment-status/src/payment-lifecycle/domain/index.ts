// The payment lifecycle's pure decisions: no transport, no I/O.
export { PAYMENT_STATUSES, NOTIFY_TARGETS, type NotifyTarget, type PaymentStatus, type RecordedPaymentStatus } from './payment-status';
export { STATUS_REQUESTED_BY, effectiveAt, type PaymentEvent, type PaymentEventType } from './payment-event';
export { PAYMENT_TRANSITIONS, NOTIFY_ON_ENTERING, isValidTransition } from './payment-transitions';
export type { PaidInvoice, PaymentRecord } from './payment-record';
export type { PaymentHoldReason, SupplierPaymentHold } from './supplier-payment-hold';
export { PAYMENT_REJECTION_CODES, describeRejection, type PaymentRejection, type PaymentRejectionCode } from './payment-rejection';
export type { PaymentAlert, PaymentDecision, PaymentDecisionContext } from './payment-decision';
export { decidePaymentEvent } from './decide-payment-event';
export { staleReason } from './stale-event';
export { paymentHoldNoticeKey, paymentStatusKey } from './payment-idempotency-key';
export {
  INVOICE_PAYMENT_STATUS,
  toStatusUpdates,
  type ApInvoicePaymentUpdate,
  type ApPaymentHoldNotice,
  type InvoicePaymentStatus,
  type PaymentStatusMessage,
  type PurchasingPaymentStatusUpdate,
} from './payment-status-updates';
