import avro from 'avsc';
import { Decimal } from '../decimal/decimal';
import { DecimalError } from '../decimal/decimal-error';
import { bigintToTwosComplement, twosComplementToBigint } from './twos-complement';
import { quickCheck } from './quick-check';

interface DecimalSchema {
  readonly precision?: unknown;
  readonly scale?: unknown;
}

/**
 * Avro `decimal` on `bytes` read and written as a Decimal. Writing refuses, never rounds: a value
 * with more decimal places than the schema's scale, or more digits than its precision, throws.
 */
export class DecimalType extends avro.types.LogicalType {
  /** Not-this-type answered without an exception (quick-check.ts). */
  protected readonly _check = quickCheck(this, (value) => Decimal.isDecimal(value), avro.types.LogicalType.prototype['_check' as keyof avro.types.LogicalType] as never);

  readonly precision: number;
  readonly scale: number;

  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    const { precision, scale = 0 } = schema as DecimalSchema;
    if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1) {
      throw new DecimalError('INVALID_SCALE', `a decimal schema needs a positive integer precision, got ${String(precision)}`);
    }
    if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > precision) {
      throw new DecimalError('INVALID_SCALE', `a decimal schema's scale must be 0..${precision}, got ${String(scale)}`);
    }
    if (!avro.Type.isType(this.underlyingType, 'bytes')) {
      throw new DecimalError('INVALID_SCALE', 'the decimal logical type is supported on bytes only, not fixed');
    }
    this.precision = precision;
    this.scale = scale;
  }

  protected override _fromValue(value: Buffer): Decimal {
    return Decimal.of(twosComplementToBigint(value), this.scale);
  }

  protected override _toValue(value: unknown): Buffer {
    if (!Decimal.isDecimal(value)) {
      throw new DecimalError(
        'NOT_A_DECIMAL',
        `expected a Decimal for decimal(${this.precision},${this.scale}), got ${describe(value)}`,
      );
    }
    if (value.scale > this.scale) {
      throw new DecimalError(
        'SCALE_EXCEEDED',
        `${value.toString()} has ${value.scale} decimal places; decimal(${this.precision},${this.scale}) holds at most ${this.scale} — round it explicitly first`,
      );
    }
    const scaled = value.withScale(this.scale);
    if (scaled.precision > this.precision) {
      throw new DecimalError(
        'PRECISION_EXCEEDED',
        `${value.toString()} needs ${scaled.precision} digits; decimal(${this.precision},${this.scale}) holds at most ${this.precision}`,
      );
    }
    return bigintToTwosComplement(scaled.unscaled);
  }

  /** Reads data written with another decimal of a smaller or equal scale (avsc hands over its Decimal), rescaled exactly. */
  protected override _resolve(writer: avro.Type): ((value: Decimal) => Decimal) | undefined {
    if (!(writer instanceof DecimalType) || writer.scale > this.scale) return undefined;
    return (value) => value.withScale(this.scale);
  }

  protected override _export(schema: avro.Schema): void {
    Object.assign(schema as object, { precision: this.precision, scale: this.scale });
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value}"`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the ${typeof value} ${String(value)}`;
  if (value instanceof Date) return 'a Date';
  return `a value of type ${typeof value}`;
}
