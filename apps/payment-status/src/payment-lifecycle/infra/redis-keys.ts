/** Every Redis key of payment-status: `p2p:payment-status:v1:<topic prefix><kind>:<id>`. */
export class PaymentStatusKeys {
  readonly base: string;

  constructor(topicPrefix: string) {
    this.base = `p2p:payment-status:v1:${topicPrefix}`;
  }

  payment(paymentId: string): string {
    return `${this.base}payment:${paymentId}`;
  }

  history(paymentId: string): string {
    return `${this.base}payment-history:${paymentId}`;
  }

  supplierHold(supplierId: string): string {
    return `${this.base}supplier-hold:${supplierId}`;
  }

  /** SCAN patterns covering every key the service owns under this prefix. */
  patterns(): readonly string[] {
    return [`${this.base}payment:*`, `${this.base}payment-history:*`, `${this.base}supplier-hold:*`];
  }
}
