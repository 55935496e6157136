import type { ProducerPort } from '@procurelink/messaging';
import { confirmBankDetailsChange, type HoldRefusalReason } from './domain';
import { bankChangeId, canonicalRecords, type CanonicalEncoder } from './mapping';
import type { SupplierStore } from './ports';

export interface ConfirmBankDetailsCommand {
  readonly supplierId: string;
  /** The event id of the SupplierBankDetailsChanged being confirmed (also `hold.changeId` in the status lookup). */
  readonly changeId: string;
  /** The authenticated user or API client confirming, out of band, that the new account is genuine. */
  readonly confirmedBy: string;
}

export type BankDetailsConfirmResult =
  | { readonly kind: 'released'; readonly supplierId: string; readonly changeId: string; readonly status: string; readonly releasedAt: string }
  | { readonly kind: 'refused'; readonly reason: HoldRefusalReason | 'UNKNOWN_SUPPLIER'; readonly message: string };

export interface SupplierBankDetailsDeps {
  readonly store: SupplierStore;
  readonly producer: ProducerPort;
  readonly encoder: CanonicalEncoder;
  readonly tenant: string;
  readonly facilityId: string;
  readonly clock?: () => Date;
}

/**
 * Confirms a bank-details change and releases the supplier's payment hold: publishes SupplierSynced
 * with the restored status (not ON_HOLD) on p2p.supplier.v1, then stores the released master.
 * Refusals are data (HTTP 404/409 for the future controller), never thrown.
 */
export class SupplierBankDetails {
  private readonly clock: () => Date;

  constructor(private readonly deps: SupplierBankDetailsDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async confirm(command: ConfirmBankDetailsCommand): Promise<BankDetailsConfirmResult> {
    const stored = await this.deps.store.load(command.supplierId);
    if (stored === null) return { kind: 'refused', reason: 'UNKNOWN_SUPPLIER', message: `no supplier ${command.supplierId}` };
    const hold = stored.master.hold;
    if (hold !== null && bankChangeId(command.supplierId, hold) !== command.changeId) {
      return { kind: 'refused', reason: 'STALE_CONFIRMATION', message: `change ${command.changeId} is not the bank-details change on hold; review the current change` };
    }
    const now = this.clock();
    const decision = confirmBankDetailsChange(stored.master, {
      confirmedBy: command.confirmedBy,
      confirmedAt: now,
      bankAccountToken: hold?.newBankAccount.token ?? '',
    });
    if (decision.kind === 'refused') return decision;
    const records = canonicalRecords(this.deps.encoder, decision.events, {
      supplierId: command.supplierId,
      revision: decision.master.revision,
      occurredAt: now,
      sourceSystem: 'procurelink',
      sourceRecordId: command.changeId,
      causationId: command.changeId,
      tenant: this.deps.tenant,
      facilityId: this.deps.facilityId,
    });
    await this.deps.producer.send(records);
    await this.deps.store.save(decision.master, stored.version);
    return { kind: 'released', supplierId: command.supplierId, changeId: command.changeId, status: decision.master.supplier.status, releasedAt: now.toISOString() };
  }
}
