/** The topics payment-status reads and writes, each with the test prefix applied. */
export interface PaymentStatusTopics {
  /** ERP payment status records (JSON, key paymentId). */
  readonly erpPayment: string;
  /** Canonical supplier events: payment holds. */
  readonly supplier: string;
  /** Canonical payment events this service publishes. */
  readonly payment: string;
  /** Status updates for purchasing (JSON, key paymentId). */
  readonly purchasingStatus: string;
  /** Status updates and hold notices for AP automation (JSON, key paymentId). */
  readonly apStatus: string;
  /** Rejections and alerts for operations (JSON, key paymentId). */
  readonly alerts: string;
}

export function paymentStatusTopics(prefix: string): PaymentStatusTopics {
  return {
    erpPayment: `${prefix}source.erp.payment.v1`,
    supplier: `${prefix}p2p.supplier.v1`,
    payment: `${prefix}p2p.payment.v1`,
    purchasingStatus: `${prefix}target.purchasing.payment-status.v1`,
    apStatus: `${prefix}target.ap.payment-status.v1`,
    alerts: `${prefix}ops.payment-alert.v1`,
  };
}
