import type { Supplier, SupplierBankDetailsChanged, SupplierSynced } from '@procurelink/canonical-schemas';
import { isSourceSystem, legalNameKey, type SourceStatus, type SourceSystem, type SupplierMaster, type SupplierSnapshot, type SystemState } from '../domain';

export type SupplierTopicEvent =
  | { readonly eventType: 'SupplierSynced'; readonly value: SupplierSynced }
  | { readonly eventType: 'SupplierBankDetailsChanged'; readonly value: SupplierBankDetailsChanged };

const NO_CONTACT = { name: null, email: null, phone: null } as const;
const EMPTY: SystemState = { lastRecord: null, pushed: null, statusEchoed: false };
/** Rebuilt system records date from the epoch, so any real record that follows is newer (never STALE). */
const REBUILT_AT = new Date(0);

function sourceStatus(supplier: Supplier, held: boolean): SourceStatus {
  if (supplier.status === 'INACTIVE') return 'INACTIVE';
  if (supplier.status === 'ON_HOLD') return held ? 'ACTIVE' : 'BLOCKED';
  return 'ACTIVE';
}

/** A system record approximated from the published supplier (the canonical topic carries no per-system records). */
function approximateRecord(source: SourceSystem, sourceRecordId: string, supplier: Supplier, held: boolean): SupplierSnapshot {
  return {
    source,
    sourceRecordId,
    changedAt: REBUILT_AT,
    legalName: supplier.legalName,
    legalNameKey: legalNameKey(supplier.legalName),
    tradingName: supplier.tradingName,
    taxId: supplier.taxId,
    dunsNumber: supplier.dunsNumber,
    status: sourceStatus(supplier, held),
    orderingAddresses: supplier.addresses,
    remitTo: supplier.remitTo,
    paymentTerms: supplier.paymentTerms,
    bankAccount: supplier.bankAccount,
    contact: NO_CONTACT,
  };
}

/**
 * Folds one p2p.supplier.v1 event into the stored supplier master: used by the rebuild. The
 * published supplier, revision, payment hold and the source record ids are exact; what each
 * system last sent is approximated by the published values (the canonical events do not carry
 * the per-system records), and contact details are not on the topic. Pure.
 */
export function projectSupplierEvent(state: SupplierMaster | null, event: SupplierTopicEvent): SupplierMaster {
  const { envelope, supplierId } = event.value;
  const source = isSourceSystem(envelope.sourceSystem) ? envelope.sourceSystem : null;
  const systems = state?.systems ?? { erp: EMPTY, purchasing: EMPTY };
  if (event.eventType === 'SupplierSynced') {
    const supplier = event.value.supplier;
    const hold = supplier.status === 'ON_HOLD' ? (state?.hold ?? null) : null;
    const released = state?.hold != null && hold === null;
    return {
      supplierId,
      revision: (state?.revision ?? 0) + 1,
      supplier,
      contact: state?.contact ?? NO_CONTACT,
      systems: source === null ? systems : { ...systems, [source]: { lastRecord: approximateRecord(source, envelope.sourceRecordId, supplier, hold !== null), pushed: null, statusEchoed: false } },
      hold,
      lastHoldRelease:
        released && state?.hold
          ? { confirmedBy: 'unknown (rebuilt from p2p.supplier.v1)', confirmedAt: envelope.occurredAt, placedAt: state.hold.placedAt, bankAccount: state.hold.newBankAccount }
          : (state?.lastHoldRelease ?? null),
      updatedAt: envelope.occurredAt,
    };
  }
  if (state === null) throw new Error(`SupplierBankDetailsChanged for ${supplierId} came before any SupplierSynced`);
  const change = event.value;
  const hold = change.paymentsHeld
    ? {
        reason: 'BANK_DETAILS_CHANGED' as const,
        placedAt: envelope.occurredAt,
        sourceSystem: source ?? 'erp',
        previousBankAccount: change.previousBankAccount,
        newBankAccount: change.newBankAccount,
      }
    : null;
  const fixed = Object.fromEntries(
    (['erp', 'purchasing'] as const).map((system) => {
      const record = systems[system].lastRecord;
      const wasHeldStatus = hold !== null && record !== null && record.status === 'BLOCKED' && state.supplier.status === 'ON_HOLD';
      return [system, wasHeldStatus && record ? { ...systems[system], lastRecord: { ...record, status: 'ACTIVE' as const } } : systems[system]];
    }),
  ) as Record<SourceSystem, SystemState>;
  return { ...state, supplier: { ...state.supplier, bankAccount: change.newBankAccount }, systems: fixed, hold, updatedAt: envelope.occurredAt };
}
