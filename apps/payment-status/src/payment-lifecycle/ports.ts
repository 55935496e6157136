import type { PaymentRecord, PaymentStatus } from './domain';
import type { SupplierHoldState } from './projection';

/** One line of a payment's history: what each ERP status change did. */
export interface PaymentHistoryEntry {
  readonly eventId: string;
  readonly eventType: string;
  readonly supplierId: string;
  /** When the change happened in the ERP (ISO 8601). */
  readonly at: string;
  readonly outcome: 'APPLIED' | 'REJECTED';
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;
  /** REJECTED: the rejection code and its one-line description. */
  readonly code?: string;
  readonly reason?: string;
}

/** Payment records and their history. */
export interface PaymentStore {
  load(paymentId: string): Promise<PaymentRecord | null>;
  /** Stores the record (when it changed) and the history entry together; idempotent per event id. */
  save(paymentId: string, record: PaymentRecord | null, entry: PaymentHistoryEntry): Promise<void>;
  history(paymentId: string): Promise<readonly PaymentHistoryEntry[]>;
}

/** Supplier payment holds, projected from p2p.supplier.v1. */
export interface SupplierHoldStore {
  load(supplierId: string): Promise<SupplierHoldState | null>;
  save(state: SupplierHoldState): Promise<void>;
}

export const PAYMENT_STORE = Symbol('PAYMENT_STORE');
export const SUPPLIER_HOLD_STORE = Symbol('SUPPLIER_HOLD_STORE');
