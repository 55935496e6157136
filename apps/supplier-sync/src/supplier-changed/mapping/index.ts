export { bankChangeEnvelope, bankChangeId, canonicalRecords, type CanonicalEncoder, type EnvelopeContext } from './to-canonical-events';
export { PURCHASING_SUPPLIER_PUSH, purchasingPushRecord, toPurchasingPush, type PurchasingSupplierPush } from './to-purchasing-push';
export { toVendorUpsert, vendorIdempotencyKey } from './to-vendor-upsert';
