import type { Address } from '@procurelink/canonical-schemas';
import { addressKey } from './address-normalisation';
import { legalNameKey } from './name-normalisation';
import type { SourceSystem } from './source-system';
import type { SupplierMaster } from './supplier-master';
import type { SupplierSnapshot } from './supplier-snapshot';

/**
 * The keys the repository indexes suppliers by and looks candidates up with. None is a clear
 * value: the tax id appears as its token.
 */
export interface SupplierKeys {
  /** `erp:V100234`, `purchasing:SUP-77`. */
  readonly sourceRecords: readonly string[];
  readonly taxIdToken: string | null;
  readonly dunsNumber: string | null;
  /** `ACME MEDICAL SUPPLY|US|62704|100 MAIN ST`: normalised name + address, one per address. */
  readonly nameAndAddress: readonly string[];
}

export function sourceRecordKey(system: SourceSystem, recordId: string): string {
  return `${system}:${recordId}`;
}

function nameAndAddressKeys(nameKey: string, addresses: readonly (Address | null)[]): string[] {
  const keys = addresses.filter((address): address is Address => address !== null).map((address) => `${nameKey}|${addressKey(address)}`);
  return [...new Set(keys)];
}

/** The keys to look candidates up with for an incoming record. */
export function snapshotKeys(snapshot: SupplierSnapshot): SupplierKeys {
  return {
    sourceRecords: [sourceRecordKey(snapshot.source, snapshot.sourceRecordId)],
    taxIdToken: snapshot.taxId?.token ?? null,
    dunsNumber: snapshot.dunsNumber,
    nameAndAddress: nameAndAddressKeys(snapshot.legalNameKey, [...snapshot.orderingAddresses, snapshot.remitTo]),
  };
}

/** The keys to index a stored supplier under, so the next record from any system finds it. */
export function masterKeys(master: SupplierMaster): SupplierKeys {
  const records = [master.systems.erp.lastRecord, master.systems.purchasing.lastRecord].filter(
    (record): record is SupplierSnapshot => record !== null,
  );
  return {
    sourceRecords: records.map((record) => sourceRecordKey(record.source, record.sourceRecordId)),
    taxIdToken: master.supplier.taxId.token,
    dunsNumber: master.supplier.dunsNumber,
    nameAndAddress: nameAndAddressKeys(legalNameKey(master.supplier.legalName), [...master.supplier.addresses, master.supplier.remitTo]),
  };
}
