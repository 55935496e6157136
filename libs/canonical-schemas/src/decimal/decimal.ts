import { DecimalError } from './decimal-error';

const DECIMAL_BRAND = Symbol.for('io.procurelink.Decimal');
const PLAIN_DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const MAX_SCALE = 64;

/**
 * An exact decimal: an unscaled integer and a scale, value = unscaled × 10^-scale.
 * Amounts and quantities are never JavaScript numbers; parse them from strings.
 * Instances are immutable. `equals` and `compare` are numeric (1.5 equals 1.50).
 */
export class Decimal {
  readonly [DECIMAL_BRAND] = true;

  private constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  /** Parses plain notation such as "-1234.5600"; anything else (numbers, exponents, blanks) is refused. */
  static parse(text: string): Decimal {
    if (typeof text !== 'string') {
      throw new DecimalError(
        'NOT_A_STRING',
        `a decimal must be parsed from a string, not a ${typeof text} (${String(text)}): binary floating point cannot hold amounts exactly`,
      );
    }
    const match = PLAIN_DECIMAL.exec(text);
    if (match === null) {
      throw new DecimalError('MALFORMED', `"${text}" is not a plain decimal such as "1234.50" or "-0.0001"`);
    }
    const [, sign, whole, fraction = ''] = match;
    const unscaled = BigInt(`${whole}${fraction}`);
    return Decimal.of(sign === '-' ? -unscaled : unscaled, fraction.length);
  }

  /** Builds a decimal from its unscaled integer and scale: of(12345n, 2) is 123.45. */
  static of(unscaled: bigint, scale: number): Decimal {
    if (typeof unscaled !== 'bigint') {
      throw new DecimalError('MALFORMED', `the unscaled value must be a bigint, not a ${typeof unscaled}`);
    }
    if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
      throw new DecimalError('INVALID_SCALE', `scale must be an integer from 0 to ${MAX_SCALE}, got ${scale}`);
    }
    return new Decimal(unscaled, scale);
  }

  static zero(scale = 0): Decimal {
    return Decimal.of(0n, scale);
  }

  /** True for any Decimal, including one from another copy of this module. */
  static isDecimal(value: unknown): value is Decimal {
    return typeof value === 'object' && value !== null && (value as { [DECIMAL_BRAND]?: unknown })[DECIMAL_BRAND] === true;
  }

  /** The number of significant digits of the unscaled value (at least 1), as Avro's precision counts them. */
  get precision(): number {
    return abs(this.unscaled).toString().length;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  isNegative(): boolean {
    return this.unscaled < 0n;
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  abs(): Decimal {
    return new Decimal(abs(this.unscaled), this.scale);
  }

  add(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.unscaledAt(scale) + other.unscaledAt(scale), scale);
  }

  subtract(other: Decimal): Decimal {
    return this.add(other.negate());
  }

  /** The exact product; its scale is the sum of both scales. */
  multiply(other: Decimal): Decimal {
    return Decimal.of(this.unscaled * other.unscaled, this.scale + other.scale);
  }

  /** The quotient rounded half-even to `scale` digits. */
  divide(divisor: Decimal, scale: number): Decimal {
    if (divisor.isZero()) {
      throw new DecimalError('DIVISION_BY_ZERO', `cannot divide ${this.toString()} by zero`);
    }
    // this / divisor = (a × 10^-sa) / (b × 10^-sb); scaled to `scale` digits: a × 10^(scale - sa + sb) / b
    const shift = scale - this.scale + divisor.scale;
    const numerator = shift >= 0 ? this.unscaled * pow10(shift) : this.unscaled;
    const denominator = shift >= 0 ? divisor.unscaled : divisor.unscaled * pow10(-shift);
    return Decimal.of(divideHalfEven(numerator, denominator), scale);
  }

  /** Rounds half-even (banker's rounding) to `scale` digits; a larger scale pads with zeros. */
  roundHalfEven(scale: number): Decimal {
    if (scale >= this.scale) return Decimal.of(this.unscaledAt(scale), scale);
    return Decimal.of(divideHalfEven(this.unscaled, pow10(this.scale - scale)), scale);
  }

  /** The same value at a larger or equal scale, or at a smaller one only when no digit is lost. */
  withScale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return this.roundHalfEven(scale); // padding with zeros is exact: nothing to check
    const rounded = this.roundHalfEven(scale);
    if (rounded.compare(this) !== 0) {
      throw new DecimalError(
        'SCALE_EXCEEDED',
        `${this.toString()} has ${this.scale} decimal places and cannot be held at scale ${scale} without rounding`,
      );
    }
    return rounded;
  }

  compare(other: Decimal): -1 | 0 | 1 {
    if (this.scale === other.scale) return this.unscaled < other.unscaled ? -1 : this.unscaled > other.unscaled ? 1 : 0;
    const scale = Math.max(this.scale, other.scale);
    const a = this.unscaledAt(scale);
    const b = other.unscaledAt(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  lessThan(other: Decimal): boolean {
    return this.compare(other) < 0;
  }

  greaterThan(other: Decimal): boolean {
    return this.compare(other) > 0;
  }

  /** Plain notation with exactly `scale` decimal places: "-1234.5600". */
  toString(): string {
    const digits = abs(this.unscaled).toString().padStart(this.scale + 1, '0');
    const sign = this.unscaled < 0n ? '-' : '';
    if (this.scale === 0) return `${sign}${digits}`;
    return `${sign}${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
  }

  /** JSON carries the exact string, never a number. */
  toJSON(): string {
    return this.toString();
  }

  private unscaledAt(scale: number): bigint {
    return this.unscaled * pow10(scale - this.scale);
  }
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** 10^0 … 10^128: every power a scale difference or a product of two scales can ask for. */
const POW10: readonly bigint[] = Array.from({ length: 2 * MAX_SCALE + 1 }, (_, e) => 10n ** BigInt(e));

function pow10(exponent: number): bigint {
  return POW10[exponent] ?? 10n ** BigInt(exponent);
}

/** numerator / denominator rounded to the nearest integer, ties to the even neighbour. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = abs(numerator);
  const d = abs(denominator);
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}
