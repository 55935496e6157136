/** The canonical event types that settle a document's status for reconciliation, per document type. */
export const STATUS_EVENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  PURCHASE_ORDER: ['PurchaseOrderCancelled'],
  INVOICE: ['InvoicePosted'],
  PAYMENT: ['PaymentScheduled', 'PaymentCompleted', 'PaymentFailed', 'PaymentVoided'],
};

const STATUS_OF_EVENT: Readonly<Record<string, string>> = {
  PurchaseOrderCancelled: 'CANCELLED',
  InvoicePosted: 'POSTED',
  PaymentScheduled: 'SCHEDULED',
  PaymentCompleted: 'COMPLETED',
  PaymentFailed: 'FAILED',
  PaymentVoided: 'VOIDED',
};

/**
 * The status reconciliation compares: the one the latest settling event implies (a cancel, a
 * posting, the latest payment status event), else the document's stage. Reading the events keeps
 * the comparison right when the stage moved on for another reason (an exception, a payment alert).
 */
export function sourceStatus(stage: string, latestStatusEvent: string | null): string {
  return (latestStatusEvent !== null ? STATUS_OF_EVENT[latestStatusEvent] : undefined) ?? stage;
}
