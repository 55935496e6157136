import type { SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';

/** Event type names: past tense, never derived from class names, never changed. */
export const SUPPLIER_SYNCED = 'SupplierSynced';
export const SUPPLIER_BANK_DETAILS_CHANGED = 'SupplierBankDetailsChanged';

/** A canonical event the decision asks to publish; the transport adds the envelope. */
export type SupplierSyncedDraft = { readonly eventType: typeof SUPPLIER_SYNCED } & Omit<SupplierSynced, 'envelope'>;
export type SupplierBankDetailsChangedDraft = { readonly eventType: typeof SUPPLIER_BANK_DETAILS_CHANGED } & Omit<
  SupplierBankDetailsChanged,
  'envelope'
>;
export type SupplierEventDraft = SupplierSyncedDraft | SupplierBankDetailsChangedDraft;
