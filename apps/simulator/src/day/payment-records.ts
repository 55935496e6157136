/** An invoice the ERP has posted, as the simulator's ERP pays it. */
export interface PayableInvoice {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly facilityId: string;
  /** Decimal string. */
  readonly amount: string;
  readonly currency: string;
  readonly poNumber: string | null;
}

export type PaymentStep =
  | { readonly status: 'SCHEDULED'; readonly scheduledDate: string }
  | { readonly status: 'COMPLETED'; readonly bankReference: string }
  | { readonly status: 'FAILED'; readonly failureCode: string; readonly failureReason: string }
  | { readonly status: 'VOIDED'; readonly voidReason: string };

/** source.erp.payment.v1 (apps/payment-status/SOURCE.md): one payment per invoice. */
export function erpPaymentRecord(paymentId: string, invoice: PayableInvoice, step: PaymentStep, statusAt: Date): object {
  return {
    paymentId,
    ...step,
    statusAt: statusAt.toISOString(),
    supplierId: invoice.supplierId,
    facilityId: invoice.facilityId,
    amount: invoice.amount,
    currency: invoice.currency,
    method: 'ACH',
    invoices: [{ invoiceId: invoice.invoiceId, amount: invoice.amount }],
    erpReference: `ERP-${paymentId}`,
    ...(invoice.poNumber ? { correlationId: invoice.poNumber } : {}),
  };
}
