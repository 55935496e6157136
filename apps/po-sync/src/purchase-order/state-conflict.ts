import { ProcessingError } from '@procurelink/messaging';
import type { PurchaseOrderState } from './domain';
import type { PurchaseOrderStore, StoredPurchaseOrder } from './ports/purchase-order-store';

const ATTEMPTS = 3;

/**
 * Runs `step` against the PO's current state and saves what it returns, again from a fresh load
 * when another event saved the same PO in between (a receipt and a revision arrive on different
 * topics). Every effect a step performs is idempotent (ERP keys, stable event ids), so running it
 * again is safe. After a few lost races the record goes to the retry topics.
 */
export async function withPurchaseOrderState<T>(
  store: PurchaseOrderStore,
  poNumber: string,
  step: (stored: StoredPurchaseOrder | null) => Promise<{ readonly next: PurchaseOrderState | null; readonly result: T }>,
): Promise<T> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const stored = await store.load(poNumber);
    const { next, result } = await step(stored);
    if (next === null || (await store.save(next, stored?.version ?? 0))) return result;
  }
  throw new ProcessingError('HANDLER_FAILED', `purchase order ${poNumber} changed under ${ATTEMPTS} attempts in a row; retried later`);
}
