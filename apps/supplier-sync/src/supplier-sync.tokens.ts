/** Providers of the supplier-sync module, by token. */
export const SUPPLIER_SYNC_CONFIG = Symbol('SUPPLIER_SYNC_CONFIG');
export const SUPPLIER_SYNC_REDIS = Symbol('SUPPLIER_SYNC_REDIS');
export const IDEMPOTENCY_STORE_CLIENT = Symbol('IDEMPOTENCY_STORE_CLIENT');
export const CANONICAL_ENCODER = Symbol('CANONICAL_ENCODER');
export const TOKENISER = Symbol('TOKENISER');
