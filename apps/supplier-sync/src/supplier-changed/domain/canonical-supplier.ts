import type { Supplier, SupplierStatus } from '@procurelink/canonical-schemas';
import type { SourceStatus } from './source-system';
import type { PaymentHold } from './supplier-master';
import type { MergedSupplier } from './survivorship';

const CANONICAL_STATUS: Readonly<Record<SourceStatus, SupplierStatus>> = {
  ACTIVE: 'ACTIVE',
  INACTIVE: 'INACTIVE',
  BLOCKED: 'ON_HOLD',
};

/** The published status: ON_HOLD while payments are held, otherwise the merged status (BLOCKED → ON_HOLD). */
export function publishedStatus(status: SourceStatus, hold: PaymentHold | null): SupplierStatus {
  return hold === null ? CANONICAL_STATUS[status] : 'ON_HOLD';
}

/** The canonical Supplier of SupplierSynced. Call only after validateMergedSupplier found no problem. */
export function toCanonicalSupplier(merged: MergedSupplier, hold: PaymentHold | null): Supplier {
  if (merged.taxId === null || merged.remitTo === null || merged.paymentTerms === null) {
    throw new Error('toCanonicalSupplier needs a validated supplier (tax id, remit-to and payment terms present)');
  }
  return {
    legalName: merged.legalName,
    tradingName: merged.tradingName,
    taxId: merged.taxId,
    dunsNumber: merged.dunsNumber,
    status: publishedStatus(merged.status, hold),
    addresses: merged.orderingAddresses,
    remitTo: merged.remitTo,
    paymentTerms: merged.paymentTerms,
    bankAccount: merged.bankAccount,
  };
}
