import type { SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';
import type { SupplierPaymentHold } from '../domain';

/**
 * What payment-status knows about one supplier's payment holds, projected from p2p.supplier.v1.
 * supplier-sync publishes SupplierBankDetailsChanged (paymentsHeld: true) on a bank change and
 * SupplierSynced with status ON_HOLD while a hold is open; the release is a SupplierSynced with
 * the supplier's restored (not ON_HOLD) status.
 */
export interface SupplierHoldState {
  readonly supplierId: string;
  /** Set while a bank-details change waits for confirmation. */
  readonly bankDetailsHeldSince: Date | null;
  /** Set while the supplier master's published status is ON_HOLD. */
  readonly statusOnHoldSince: Date | null;
  /** occurredAt of the last supplier event applied: older ones are stale. */
  readonly asOf: Date;
}

export type SupplierEvent =
  | { readonly eventType: 'SupplierSynced'; readonly value: SupplierSynced }
  | { readonly eventType: 'SupplierBankDetailsChanged'; readonly value: SupplierBankDetailsChanged };

export type SupplierHoldProjection =
  | { readonly kind: 'applied'; readonly state: SupplierHoldState }
  | { readonly kind: 'stale'; readonly reason: string };

/** Folds one canonical supplier event into the supplier's hold state. Pure. */
export function projectSupplierHold(current: SupplierHoldState | null, event: SupplierEvent): SupplierHoldProjection {
  const at = event.value.envelope.occurredAt;
  if (current !== null && at.getTime() < current.asOf.getTime()) {
    return {
      kind: 'stale',
      reason: `${event.eventType} of ${at.toISOString()} is older than the supplier state of ${current.asOf.toISOString()}`,
    };
  }
  const base: SupplierHoldState = current ?? {
    supplierId: event.value.supplierId,
    bankDetailsHeldSince: null,
    statusOnHoldSince: null,
    asOf: at,
  };
  if (event.eventType === 'SupplierBankDetailsChanged') {
    // A later change while held replaces the hold: it is held from the latest change.
    return { kind: 'applied', state: { ...base, bankDetailsHeldSince: event.value.paymentsHeld ? at : null, asOf: at } };
  }
  if (event.value.supplier.status === 'ON_HOLD') {
    return { kind: 'applied', state: { ...base, statusOnHoldSince: base.statusOnHoldSince ?? at, asOf: at } };
  }
  // supplier-sync publishes ON_HOLD while any payment hold is open: another status releases every hold.
  return { kind: 'applied', state: { ...base, bankDetailsHeldSince: null, statusOnHoldSince: null, asOf: at } };
}

/** The hold decidePaymentEvent must respect, or null when payments may flow. */
export function paymentHoldOf(state: SupplierHoldState | null): SupplierPaymentHold | null {
  if (state === null) return null;
  if (state.bankDetailsHeldSince !== null) {
    return { supplierId: state.supplierId, reason: 'BANK_DETAILS_UNCONFIRMED', since: state.bankDetailsHeldSince };
  }
  if (state.statusOnHoldSince !== null) return { supplierId: state.supplierId, reason: 'SUPPLIER_ON_HOLD', since: state.statusOnHoldSince };
  return null;
}
