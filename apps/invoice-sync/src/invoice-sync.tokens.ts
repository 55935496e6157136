/** Providers of the invoice-sync module, by token. */
export const INVOICE_SYNC_REDIS = Symbol('INVOICE_SYNC_REDIS');
export const IDEMPOTENCY_STORE_CLIENT = Symbol('IDEMPOTENCY_STORE_CLIENT');
export const CANONICAL_ENCODER = Symbol('CANONICAL_ENCODER');
export const INVOICE_FLOW = Symbol('INVOICE_FLOW');
