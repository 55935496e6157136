/** Providers of the po-sync module, by token. */
export const PO_SYNC_CONFIG = Symbol('PO_SYNC_CONFIG');
export const REFERENCE_DIRECTORY = Symbol('REFERENCE_DIRECTORY');
export const PO_SYNC_REDIS = Symbol('PO_SYNC_REDIS');
export const IDEMPOTENCY_STORE_CLIENT = Symbol('IDEMPOTENCY_STORE_CLIENT');
export const CANONICAL_ENCODER = Symbol('CANONICAL_ENCODER');
