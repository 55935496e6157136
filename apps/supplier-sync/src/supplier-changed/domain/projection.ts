import type { Address } from '@procurelink/canonical-schemas';
import type { SupplierContact } from './parsed-supplier-record';
import type { SourceStatus, SourceSystem } from './source-system';
import { sameValue } from './stable-json';
import type { SystemState } from './supplier-master';
import type { MergedSupplier } from './survivorship';

/**
 * The supplier values one system holds, in comparable form (references by token). The ERP keeps a
 * single ordering address and no contact name; the purchasing platform knows only active or not,
 * so a block reaches it as INACTIVE.
 */
export interface SupplierProjection {
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly taxIdToken: string | null;
  readonly dunsNumber: string | null;
  readonly status: SourceStatus;
  readonly orderingAddresses: readonly Address[];
  readonly remitTo: Address | null;
  readonly paymentTermsCode: string | null;
  readonly bankAccountToken: string | null;
  readonly contact: SupplierContact;
}

/** The values of a merged supplier (or of one system's own record) as `system` can hold them. */
export function projectFor(system: SourceSystem, supplier: MergedSupplier): SupplierProjection {
  return {
    legalName: supplier.legalName,
    tradingName: supplier.tradingName,
    taxIdToken: supplier.taxId?.token ?? null,
    dunsNumber: supplier.dunsNumber,
    status: system === 'purchasing' && supplier.status === 'BLOCKED' ? 'INACTIVE' : supplier.status,
    orderingAddresses: system === 'erp' ? supplier.orderingAddresses.slice(0, 1) : supplier.orderingAddresses,
    remitTo: supplier.remitTo,
    paymentTermsCode: supplier.paymentTerms?.code ?? null,
    bankAccountToken: supplier.bankAccount?.token ?? null,
    contact: system === 'erp' ? { ...supplier.contact, name: null } : supplier.contact,
  };
}

/**
 * Whether a system already holds the merged values: what we last pushed to it if we pushed since
 * its last record, otherwise its own last record. A system that never sent a record lacks them.
 */
export function systemHolds(system: SourceSystem, state: SystemState, merged: MergedSupplier): boolean {
  const wanted = projectFor(system, merged);
  if (state.pushed !== null) return sameValue(state.pushed, wanted);
  if (state.lastRecord === null) return false;
  return sameValue(projectFor(system, state.lastRecord), wanted);
}
