import type { Money } from '@procurelink/canonical-schemas';
import { canonicalAmount } from '../domain/business-key';

/**
 * The part of the near-duplicate index key that names an amount: the currency as the duplicate
 * check compares it (trimmed, upper case) and the amount without trailing fractional zeros, so
 * 185, 185.0 and 185.00 USD share one index entry exactly when `sameMoney` holds for them.
 */
export function nearIndexAmount(total: Money): string {
  return `${total.currency.trim().toUpperCase()}:${canonicalAmount(total.amount)}`;
}
