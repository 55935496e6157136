import avro from 'avsc';
import { describe } from './decimal-type';
import { quickCheck } from './quick-check';

/** A value a logical type cannot write; the message names what was expected. */
export class LogicalValueError extends Error {
  readonly retriable = false;

  constructor(message: string) {
    super(message);
    this.name = 'LogicalValueError';
  }
}

/** Avro `timestamp-millis` on `long`, read and written as a Date (never a bare number). */
export class TimestampMillisType extends avro.types.LogicalType {
  /** Not-this-type answered without an exception (quick-check.ts). */
  protected readonly _check = quickCheck(this, (value) => value instanceof Date, avro.types.LogicalType.prototype['_check' as keyof avro.types.LogicalType] as never);

  protected override _fromValue(value: number): Date {
    return new Date(value);
  }

  protected override _toValue(value: unknown): number {
    if (!(value instanceof Date)) {
      throw new LogicalValueError(`expected a Date for timestamp-millis, got ${describe(value)}`);
    }
    const millis = value.getTime();
    if (Number.isNaN(millis)) throw new LogicalValueError('expected a valid Date for timestamp-millis, got an invalid Date');
    return millis;
  }

  /** Reads a timestamp-millis (avsc hands over its Date) or a plain long of epoch milliseconds. */
  protected override _resolve(writer: avro.Type): ((value: Date | number) => Date) | undefined {
    if (writer instanceof TimestampMillisType) return (value) => value as Date;
    if (avro.Type.isType(writer, 'long')) return (value) => new Date(value);
    return undefined;
  }
}
