import { bankChangeId } from './mapping';
import type { SupplierStore } from './ports';

/** A supplier as the status API shows it: references and masks only. */
export interface SupplierStatusView {
  readonly supplierId: string;
  /** Published status: ACTIVE, INACTIVE or ON_HOLD (ON_HOLD while a payment hold is open). */
  readonly status: string;
  readonly revision: number;
  readonly legalName: string;
  readonly sourceRecords: { readonly erp: string | null; readonly purchasing: string | null };
  readonly hold: {
    readonly reason: 'BANK_DETAILS_CHANGED';
    /** Pass this to SupplierBankDetails.confirm. */
    readonly changeId: string;
    readonly placedAt: string;
    readonly sourceSystem: string;
    readonly previousBankAccount: string | null;
    readonly newBankAccount: string;
  } | null;
  readonly lastHoldRelease: { readonly confirmedBy: string; readonly confirmedAt: string } | null;
  readonly lastSyncAt: string;
}

/** Looks a supplier up by its canonical id, for the future status API. */
export class SupplierStatusLookup {
  constructor(private readonly store: SupplierStore) {}

  async find(supplierId: string): Promise<SupplierStatusView | null> {
    const stored = await this.store.load(supplierId);
    if (stored === null) return null;
    const { master } = stored;
    const hold = master.hold;
    return {
      supplierId,
      status: master.supplier.status,
      revision: master.revision,
      legalName: master.supplier.legalName,
      sourceRecords: {
        erp: master.systems.erp.lastRecord?.sourceRecordId ?? null,
        purchasing: master.systems.purchasing.lastRecord?.sourceRecordId ?? null,
      },
      hold:
        hold === null
          ? null
          : {
              reason: hold.reason,
              changeId: bankChangeId(supplierId, hold),
              placedAt: hold.placedAt.toISOString(),
              sourceSystem: hold.sourceSystem,
              previousBankAccount: hold.previousBankAccount?.maskedNumber ?? null,
              newBankAccount: hold.newBankAccount.maskedNumber,
            },
      lastHoldRelease: master.lastHoldRelease === null ? null : { confirmedBy: master.lastHoldRelease.confirmedBy, confirmedAt: master.lastHoldRelease.confirmedAt.toISOString() },
      lastSyncAt: master.updatedAt.toISOString(),
    };
  }
}
