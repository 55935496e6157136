import type { BankAccountRef } from '@procurelink/canonical-schemas';
import { publishedStatus } from './canonical-supplier';
import type { SourceSystem } from './source-system';
import { SUPPLIER_SYNCED, type SupplierSyncedDraft } from './supplier-events';
import type { PaymentHold, SupplierMaster } from './supplier-master';
import { mergeSupplier, type MergedSupplier } from './survivorship';

export interface BankDetailsChange {
  readonly previousBankAccount: BankAccountRef | null;
  readonly newBankAccount: BankAccountRef;
}

/**
 * A change of bank account on a supplier we already know: the merged account's token differs from
 * the published one (including a first account added later). A new supplier's first account and a
 * removed account are not changes that can redirect money, so they return null.
 */
export function detectBankChange(previous: SupplierMaster | null, merged: MergedSupplier): BankDetailsChange | null {
  if (previous === null || merged.bankAccount === null) return null;
  const before = previous.supplier.bankAccount;
  if (before !== null && before.token === merged.bankAccount.token) return null;
  return { previousBankAccount: before, newBankAccount: merged.bankAccount };
}

export function placeHold(change: BankDetailsChange, sourceSystem: SourceSystem, now: Date): PaymentHold {
  return { reason: 'BANK_DETAILS_CHANGED', placedAt: now, sourceSystem, ...change };
}

/** Someone confirmed, out of band, that the new account is genuine. */
export interface BankDetailsConfirmation {
  /** The authenticated user or API client that confirmed. */
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
  /** The token of the account being confirmed, so a confirmation never covers a later change. */
  readonly bankAccountToken: string;
}

export type HoldRefusalReason =
  /** There is no hold to release. */
  | 'NOT_ON_HOLD'
  /** The confirmation names another account than the one on hold (it changed again since). */
  | 'STALE_CONFIRMATION'
  /** The confirmation does not say who confirmed. */
  | 'CONFIRMER_MISSING'
  /** The confirmation is dated before the hold was placed. */
  | 'CONFIRMED_BEFORE_HOLD';

export type HoldReleaseDecision =
  | { readonly kind: 'released'; readonly master: SupplierMaster; readonly events: readonly [SupplierSyncedDraft] }
  | { readonly kind: 'refused'; readonly reason: HoldRefusalReason; readonly message: string };

function refused(reason: HoldRefusalReason, message: string): HoldReleaseDecision {
  return { kind: 'refused', reason, message };
}

/**
 * Releases a payment hold once the new bank account is confirmed: the supplier goes back to its
 * merged status, the release (who, when, which account) is kept for audit, and SupplierSynced
 * publishes the restored status.
 */
export function confirmBankDetailsChange(master: SupplierMaster, confirmation: BankDetailsConfirmation): HoldReleaseDecision {
  const hold = master.hold;
  if (hold === null) return refused('NOT_ON_HOLD', `supplier ${master.supplierId} has no payment hold to release`);
  if (confirmation.confirmedBy.trim() === '') return refused('CONFIRMER_MISSING', 'a confirmation must name who confirmed');
  if (confirmation.bankAccountToken !== hold.newBankAccount.token) {
    return refused(
      'STALE_CONFIRMATION',
      `the confirmation is for another account than the one on hold (${hold.newBankAccount.maskedNumber}); review the current change`,
    );
  }
  if (confirmation.confirmedAt.getTime() < hold.placedAt.getTime()) {
    return refused('CONFIRMED_BEFORE_HOLD', 'the confirmation is dated before the hold was placed');
  }
  const supplier = { ...master.supplier, status: publishedStatus(mergeSupplier(master.systems).status, null) };
  const released: SupplierMaster = {
    ...master,
    revision: master.revision + 1,
    supplier,
    hold: null,
    lastHoldRelease: {
      confirmedBy: confirmation.confirmedBy.trim(),
      confirmedAt: confirmation.confirmedAt,
      placedAt: hold.placedAt,
      bankAccount: hold.newBankAccount,
    },
    updatedAt: confirmation.confirmedAt,
  };
  return { kind: 'released', master: released, events: [{ eventType: SUPPLIER_SYNCED, supplierId: master.supplierId, supplier }] };
}
