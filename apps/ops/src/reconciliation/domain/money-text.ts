import { Decimal } from '@procurelink/canonical-schemas';

/** "1250.50 USD" (or just the amount when the currency is unknown): how mismatches show money. */
export function moneyText(amount: Decimal, currency: string | null): string {
  return currency === null ? amount.toString() : `${amount.toString()} ${currency}`;
}

/** A ledger amount as a Decimal; null stays null. The ERP's contract guarantees plain decimal strings. */
export function ledgerAmount(amount: string | null): Decimal | null {
  return amount === null ? null : Decimal.parse(amount);
}
