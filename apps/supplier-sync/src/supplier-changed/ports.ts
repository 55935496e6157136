import type { SupplierKeys, SupplierMaster } from './domain';

/** A stored supplier master and its write version (for optimistic concurrency). */
export interface StoredSupplier {
  readonly master: SupplierMaster;
  readonly version: number;
}

/** Another writer changed the supplier (or claimed its keys) since it was read: retried with fresh state. */
export class SupplierWriteConflict extends Error {
  readonly code = 'HANDLER_FAILED';
  readonly retriable = true;

  constructor(supplierId: string) {
    super(`supplier ${supplierId} was changed by another writer since it was read; retrying with the new state`);
    this.name = 'SupplierWriteConflict';
  }
}

/**
 * The supplier master store: each master indexed under its lookup keys (source record ids,
 * tax-id token, DUNS, name + address keys), holds inside the master. References only, never a
 * clear tax id or bank account.
 */
export interface SupplierStore {
  /** Every supplier indexed under any of the keys. */
  findCandidates(keys: SupplierKeys): Promise<StoredSupplier[]>;
  load(supplierId: string): Promise<StoredSupplier | null>;
  /** Writes the master and re-indexes it; throws SupplierWriteConflict if its version moved (or, for a new one, its record or tax-id key is taken). */
  save(master: SupplierMaster, expectedVersion: number): Promise<void>;
  /** Deletes every supplier-sync key of this prefix; returns how many keys went. */
  clear(): Promise<number>;
}

export const SUPPLIER_STORE = Symbol('SUPPLIER_STORE');
