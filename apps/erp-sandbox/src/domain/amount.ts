import { Decimal } from '@procurelink/canonical-schemas';
import type { ProblemCode } from './problem';

/** The contract's money: a decimal string with at most 4 decimal places and 15 integer digits. */
export const AMOUNT_MAX_SCALE = 4;
export const AMOUNT_MAX_INTEGER_DIGITS = 15;

export type AmountSign = 'positive' | 'any';

export type AmountOutcome =
  | { readonly ok: true; readonly amount: Decimal }
  | { readonly ok: false; readonly code: ProblemCode; readonly message: string };

/**
 * Reads an amount from a decoded JSON value. A JSON number is refused even when it looks exact:
 * the moment a client serialises money as a binary float it may already have lost a cent.
 * The amount keeps the scale it was sent with ("10.50" stays "10.50").
 */
export function parseAmount(value: unknown, sign: AmountSign): AmountOutcome {
  if (typeof value === 'number') {
    return { ok: false, code: 'WRONG_TYPE', message: 'must be a decimal string such as "1234.50", not a JSON number' };
  }
  if (typeof value !== 'string') {
    return { ok: false, code: 'WRONG_TYPE', message: 'must be a decimal string such as "1234.50"' };
  }
  let amount: Decimal;
  try {
    amount = Decimal.parse(value);
  } catch {
    return { ok: false, code: 'MALFORMED', message: 'must be a plain decimal such as "1234.50" or "-0.0001" (no exponent, no separators)' };
  }
  if (amount.scale > AMOUNT_MAX_SCALE) {
    return { ok: false, code: 'TOO_PRECISE', message: `must have at most ${AMOUNT_MAX_SCALE} decimal places` };
  }
  if (amount.precision - amount.scale > AMOUNT_MAX_INTEGER_DIGITS) {
    return { ok: false, code: 'TOO_PRECISE', message: `must have at most ${AMOUNT_MAX_INTEGER_DIGITS} digits before the decimal point` };
  }
  if (sign === 'positive' && (amount.isNegative() || amount.isZero())) {
    return { ok: false, code: 'OUT_OF_RANGE', message: 'must be greater than zero' };
  }
  return { ok: true, amount };
}

