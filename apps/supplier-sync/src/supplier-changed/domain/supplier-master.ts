import type { BankAccountRef, Supplier } from '@procurelink/canonical-schemas';
import type { SupplierContact } from './parsed-supplier-record';
import type { SourceSystem } from './source-system';
import type { SupplierProjection } from './projection';
import type { SupplierSnapshot } from './supplier-snapshot';

/** What Procurelink knows about one system's copy of a supplier. */
export interface SystemState {
  /** The system's own last record, normalised and tokenised; null if it never sent one. */
  readonly lastRecord: SupplierSnapshot | null;
  /** What Procurelink pushed to the system after its last record; null if nothing since. */
  readonly pushed: SupplierProjection | null;
  /** True when the system's status only repeats a status Procurelink pushed to it. */
  readonly statusEchoed: boolean;
}

/** Payments to the supplier wait until someone confirms its new bank account through the API. */
export interface PaymentHold {
  readonly reason: 'BANK_DETAILS_CHANGED';
  readonly placedAt: Date;
  /** The system whose record brought the new bank account. */
  readonly sourceSystem: SourceSystem;
  readonly previousBankAccount: BankAccountRef | null;
  readonly newBankAccount: BankAccountRef;
}

/** Who confirmed a bank-account change, and when; kept for audit. */
export interface HoldRelease {
  readonly confirmedBy: string;
  readonly confirmedAt: Date;
  readonly placedAt: Date;
  readonly bankAccount: BankAccountRef;
}

/**
 * The stored state of one canonical supplier: what was last published, what each system holds,
 * and any payment hold. Holds references only — no clear tax id or bank account.
 */
export interface SupplierMaster {
  readonly supplierId: string;
  /** Increments with every published change. */
  readonly revision: number;
  /** The supplier as last published in SupplierSynced (status ON_HOLD while a payment hold is open). */
  readonly supplier: Supplier;
  /** Contact details; not part of the canonical event, pushed to the systems. */
  readonly contact: SupplierContact;
  readonly systems: Readonly<Record<SourceSystem, SystemState>>;
  readonly hold: PaymentHold | null;
  readonly lastHoldRelease: HoldRelease | null;
  readonly updatedAt: Date;
}

export const NO_SYSTEM_STATE: SystemState = { lastRecord: null, pushed: null, statusEchoed: false };

/** True while payments to the supplier must wait for a bank-detail confirmation. */
export function isOnPaymentHold(master: SupplierMaster | null): boolean {
  return master !== null && master.hold !== null;
}
