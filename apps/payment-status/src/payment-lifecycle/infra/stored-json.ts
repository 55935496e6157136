import { Decimal, type Money } from '@procurelink/canonical-schemas';
import type { PaymentRecord } from '../domain';
import type { SupplierHoldState } from '../projection';

// JSON as stored in Redis: money as decimal strings, instants as ISO strings.
type StoredMoney = { amount: string; currency: string };

const money = (m: StoredMoney): Money => ({ amount: Decimal.parse(m.amount), currency: m.currency });
const date = (s: string): Date => new Date(s);
const dateOrNull = (s: string | null): Date | null => (s === null ? null : new Date(s));

/** Decimal and Date serialise themselves (toJSON): stringify is enough. */
export function toStoredJson(value: PaymentRecord | SupplierHoldState): string {
  return JSON.stringify(value);
}

export function paymentRecordFromJson(text: string): PaymentRecord {
  const r = JSON.parse(text);
  return {
    ...r,
    amount: money(r.amount),
    statusSince: date(r.statusSince),
    completion: r.completion === null ? null : { ...r.completion, paidAt: date(r.completion.paidAt), amount: money(r.completion.amount) },
    failure: r.failure === null ? null : { ...r.failure, failedAt: date(r.failure.failedAt) },
    voiding: r.voiding === null ? null : { ...r.voiding, voidedAt: date(r.voiding.voidedAt) },
  };
}

export function supplierHoldFromJson(text: string): SupplierHoldState {
  const s = JSON.parse(text);
  return {
    supplierId: s.supplierId,
    bankDetailsHeldSince: dateOrNull(s.bankDetailsHeldSince),
    statusOnHoldSince: dateOrNull(s.statusOnHoldSince),
    asOf: date(s.asOf),
  };
}
