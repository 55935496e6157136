import { Decimal } from './decimal';
import { DecimalError } from './decimal-error';

const HUNDRED = Decimal.of(100n, 0);

/**
 * How far `actual` is from `expected`, in percent of `expected`, rounded half-even to `scale`
 * places: percentageDifference(105, 100) is 5.0000; below expected is negative.
 */
export function percentageDifference(actual: Decimal, expected: Decimal, scale = 4): Decimal {
  if (expected.isZero()) {
    throw new DecimalError('DIVISION_BY_ZERO', `cannot express ${actual.toString()} as a percentage of zero`);
  }
  return actual.subtract(expected).multiply(HUNDRED).divide(expected.abs(), scale);
}

/**
 * True when |actual - expected| is at most `tolerancePercent` of |expected|, decided exactly
 * (no rounding): isWithinPercentTolerance(102.00, 100.00, 2) is true, 102.01 is not.
 */
export function isWithinPercentTolerance(actual: Decimal, expected: Decimal, tolerancePercent: Decimal): boolean {
  if (tolerancePercent.isNegative()) {
    throw new DecimalError('MALFORMED', `a tolerance cannot be negative, got ${tolerancePercent.toString()}%`);
  }
  const difference = actual.subtract(expected).abs().multiply(HUNDRED);
  return difference.compare(expected.abs().multiply(tolerancePercent)) <= 0;
}

/** True when |actual - expected| is at most `tolerance` (an absolute amount, e.g. 0.05). */
export function isWithinAbsoluteTolerance(actual: Decimal, expected: Decimal, tolerance: Decimal): boolean {
  return actual.subtract(expected).abs().compare(tolerance.abs()) <= 0;
}
