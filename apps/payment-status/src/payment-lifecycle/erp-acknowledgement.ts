import type { PaymentStatusRequest } from '@procurelink/erp-connector';
import type { PaymentRecord } from './domain';

const ERP_REASON_MAX = 200;

/** The ERP's payment-status acknowledgement for the record a transition stores. */
export function erpAcknowledgement(next: PaymentRecord, facilityId: string): PaymentStatusRequest {
  const reason = next.status === 'FAILED' ? failureText(next) : next.status === 'VOIDED' ? (next.voiding?.reason ?? null) : null;
  return {
    paymentId: next.paymentId,
    supplierId: next.supplierId,
    status: next.status,
    statusAt: next.statusSince.toISOString(),
    amount: next.amount.amount.toString(),
    currency: next.amount.currency,
    invoiceIds: next.invoices.map((invoice) => invoice.invoiceId),
    facilityId,
    ...(reason === null || reason === '' ? {} : { reason: reason.slice(0, ERP_REASON_MAX) }),
  };
}

function failureText(next: PaymentRecord): string | null {
  return next.failure === null ? null : `${next.failure.code}: ${next.failure.reason}`;
}
