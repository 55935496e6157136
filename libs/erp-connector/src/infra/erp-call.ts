import type { ErpPosting } from '../ports';

/** The four capabilities of the ERP contract, named as the sandbox's fault rules name them. */
export type ErpCapability = 'vendors' | 'encumbrances' | 'ap-invoices' | 'payments';

/** One call to the ERP, as much as an error message may say about it: never the body. */
export interface ErpCall {
  readonly capability: ErpCapability;
  readonly method: 'PUT' | 'POST';
  /** The request path, segments already URL-encoded. */
  readonly path: string;
  readonly idempotencyKey: string;
}

export const POSTING_KIND: Record<ErpCapability, ErpPosting['kind']> = {
  vendors: 'VENDOR_UPSERT',
  encumbrances: 'ENCUMBRANCE',
  'ap-invoices': 'AP_INVOICE',
  payments: 'PAYMENT_STATUS',
};

/** `ERP encumbrances POST /erp/v1/encumbrances`: the prefix of every error message. */
export function describeCall(call: ErpCall): string {
  return `ERP ${call.capability} ${call.method} ${call.path}`;
}
