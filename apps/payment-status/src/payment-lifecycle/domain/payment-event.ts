import type { PaymentCompleted, PaymentFailed, PaymentScheduled, PaymentVoided } from '@procurelink/canonical-schemas';
import type { RecordedPaymentStatus } from './payment-status';

/** A payment lifecycle event from the ERP, tagged by its (never-changing) event type. */
export type PaymentEvent =
  | { readonly eventType: 'PaymentScheduled'; readonly value: PaymentScheduled }
  | { readonly eventType: 'PaymentCompleted'; readonly value: PaymentCompleted }
  | { readonly eventType: 'PaymentFailed'; readonly value: PaymentFailed }
  | { readonly eventType: 'PaymentVoided'; readonly value: PaymentVoided };

export type PaymentEventType = PaymentEvent['eventType'];

/** The status each event asks the payment to move to. */
export const STATUS_REQUESTED_BY: { readonly [T in PaymentEventType]: RecordedPaymentStatus } = {
  PaymentScheduled: 'SCHEDULED',
  PaymentCompleted: 'COMPLETED',
  PaymentFailed: 'FAILED',
  PaymentVoided: 'VOIDED',
};

/** When the change the event reports happened: the business timestamp where the event has one. */
export function effectiveAt(event: PaymentEvent): Date {
  switch (event.eventType) {
    case 'PaymentScheduled':
      return event.value.envelope.occurredAt;
    case 'PaymentCompleted':
      return event.value.paidAt;
    case 'PaymentFailed':
      return event.value.failedAt;
    case 'PaymentVoided':
      return event.value.voidedAt;
  }
}
