import { Decimal, envelopeFor, type CanonicalEventType, type Money } from '@procurelink/canonical-schemas';
import type { PaymentEvent, PaymentEventType } from '../domain';
import type { ErpPaymentRecord, ErpPaymentStatus } from '../source';

export const ERP_SOURCE_SYSTEM = 'erp';

/** The canonical event each ERP status becomes. */
export const EVENT_TYPE_OF_STATUS: { readonly [S in ErpPaymentStatus]: PaymentEventType & CanonicalEventType } = {
  SCHEDULED: 'PaymentScheduled',
  COMPLETED: 'PaymentCompleted',
  FAILED: 'PaymentFailed',
  VOIDED: 'PaymentVoided',
};

/**
 * The scale of canonical Money (decimal(18,4)). Amounts are carried at this scale from the start,
 * so the record the live flow stores equals the one a rebuild reads back from Avro (1250.50 is
 * 1250.5000 on the wire), and an ERP acknowledgement re-sent after a rebuild is the same request.
 */
export const CANONICAL_MONEY_SCALE = 4;

/** Failure code when the ERP gives a reason but no code. */
export const UNSPECIFIED_FAILURE_CODE = 'UNSPECIFIED';

export interface MappingContext {
  readonly tenant: string;
}

/**
 * A parsed ERP payment record as the canonical Payment* event. The envelope's event id is stable
 * (payment id + status + status time), so the same ERP record always maps to the same event.
 * No bank account is carried: the ERP record has none, and payment-status keeps none.
 */
export function toPaymentEvent(record: ErpPaymentRecord, context: MappingContext): PaymentEvent {
  const statusAt = new Date(record.statusAt);
  const eventType = EVENT_TYPE_OF_STATUS[record.status];
  const envelope = envelopeFor({
    eventType,
    idParts: [ERP_SOURCE_SYSTEM, record.paymentId, record.status, statusAt.toISOString()],
    occurredAt: statusAt,
    sourceSystem: ERP_SOURCE_SYSTEM,
    sourceRecordId: record.paymentId,
    correlationId: record.correlationId ?? record.paymentId,
    facilityId: record.facilityId,
    tenant: context.tenant,
  });
  const common = { envelope, paymentId: record.paymentId, supplierId: record.supplierId };
  const amount: Money = { amount: Decimal.parse(record.amount).withScale(CANONICAL_MONEY_SCALE), currency: record.currency };
  switch (record.status) {
    case 'SCHEDULED':
      return {
        eventType: 'PaymentScheduled',
        value: {
          ...common,
          invoiceIds: record.invoices.map((invoice) => invoice.invoiceId),
          amount,
          method: record.method,
          // The parser requires it for SCHEDULED; the status date is the fallback for a hand-built record.
          scheduledDate: record.scheduledDate ?? record.statusAt.slice(0, 10),
          bankAccount: null,
        },
      };
    case 'COMPLETED':
      return { eventType: 'PaymentCompleted', value: { ...common, amount, paidAt: statusAt, bankReference: record.bankReference } };
    case 'FAILED':
      return {
        eventType: 'PaymentFailed',
        value: {
          ...common,
          failureCode: record.failureCode ?? UNSPECIFIED_FAILURE_CODE,
          failureReason: record.failureReason ?? '',
          failedAt: statusAt,
        },
      };
    case 'VOIDED':
      return { eventType: 'PaymentVoided', value: { ...common, reason: record.voidReason ?? '', voidedAt: statusAt } };
  }
}
