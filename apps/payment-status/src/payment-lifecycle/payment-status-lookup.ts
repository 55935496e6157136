import type { PaymentRecord, SupplierPaymentHold } from './domain';
import type { PaymentHistoryEntry, PaymentStore, SupplierHoldStore } from './ports';
import { paymentHoldOf } from './projection';

export interface PaymentStatusView {
  readonly paymentId: string;
  /** null when no schedule was ever accepted (e.g. it was blocked by a hold): see history. */
  readonly record: PaymentRecord | null;
  /** Every status change applied or rejected, oldest first. */
  readonly history: readonly PaymentHistoryEntry[];
  /** The supplier's current payment hold, when the supplier is known. */
  readonly supplierHold: SupplierPaymentHold | null;
}

/** Payment by id: status, history and holds (GET /v1/payments/:paymentId). */
export class PaymentStatusLookup {
  constructor(
    private readonly payments: PaymentStore,
    private readonly holds: SupplierHoldStore,
  ) {}

  /** null when the payment id is unknown (no record, no history). */
  async byId(paymentId: string): Promise<PaymentStatusView | null> {
    const [record, history] = await Promise.all([this.payments.load(paymentId), this.payments.history(paymentId)]);
    if (record === null && history.length === 0) return null;
    const supplier = record?.supplierId ?? history.at(-1)?.supplierId;
    const supplierHold = supplier === undefined ? null : paymentHoldOf(await this.holds.load(supplier));
    return { paymentId, record, history, supplierHold };
  }
}
