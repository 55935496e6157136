import { Decimal } from '@procurelink/canonical-schemas';

/** Decimal places of amounts and percentages in canonical events (Money and variancePercent are decimal(…, 4)). */
export const EVENT_SCALE = 4;
const HUNDRED = Decimal.of(100n, 0);

/** part in percent of whole, rounded half-even to 4 places; null when whole is zero. */
export function percentOf(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.multiply(HUNDRED).divide(whole.abs(), EVENT_SCALE);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.add(value), Decimal.zero());
}

/** Rounds to the canonical event scale only when it has more places. */
export function toEventScale(value: Decimal): Decimal {
  return value.scale > EVENT_SCALE ? value.roundHalfEven(EVENT_SCALE) : value;
}
