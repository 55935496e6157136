import type { PurchaseOrderState } from '../domain';

/** A PO's state as stored, with the version a conditional save compares against. */
export interface StoredPurchaseOrder {
  readonly state: PurchaseOrderState;
  /** Incremented by every save; 0 means the PO is not stored yet. */
  readonly version: number;
}

/**
 * Where po-sync keeps one state per PO (Redis in production). Saves are conditional: a receipt and
 * a PO revision for the same PO arrive on different topics and may be handled at the same time, so
 * a save whose expected version is no longer current is refused (`false`) instead of losing the
 * other update.
 */
export interface PurchaseOrderStore {
  load(poNumber: string): Promise<StoredPurchaseOrder | null>;
  /** Saves when the stored version still equals `expectedVersion` (0 = not stored); false otherwise. */
  save(state: PurchaseOrderState, expectedVersion: number): Promise<boolean>;
  /** Replaces everything (the rebuild): clears every stored PO, then stores these. Returns how many were cleared. */
  replaceAll(states: readonly PurchaseOrderState[]): Promise<{ cleared: number }>;
}

export const PURCHASE_ORDER_STORE = Symbol('PURCHASE_ORDER_STORE');
