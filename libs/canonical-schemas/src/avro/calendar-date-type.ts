import avro from 'avsc';
import { describe } from './decimal-type';
import { daysOfCalendarDate } from './civil-days';
import { LogicalValueError } from './timestamp-millis-type';
import { quickCheck } from './quick-check';

const MILLIS_PER_DAY = 86_400_000;

/**
 * Avro `date` on `int` (days since 1970-01-01), read and written as an ISO calendar date
 * string "YYYY-MM-DD": an expiry or due date has no time zone, so it is never a Date.
 */
export class CalendarDateType extends avro.types.LogicalType {
  /** Not-this-type answered without an exception (quick-check.ts). */
  protected readonly _check = quickCheck(this, (value) => typeof value === 'string', avro.types.LogicalType.prototype['_check' as keyof avro.types.LogicalType] as never);

  protected override _fromValue(days: number): string {
    return new Date(days * MILLIS_PER_DAY).toISOString().slice(0, 10);
  }

  protected override _toValue(value: unknown): number {
    if (typeof value !== 'string') {
      throw new LogicalValueError(`expected an ISO calendar date "YYYY-MM-DD" for date, got ${describe(value)}`);
    }
    const days = daysOfCalendarDate(value);
    if (days === null) throw new LogicalValueError(`"${value}" is not a calendar date in the form YYYY-MM-DD`);
    return days;
  }

  /** Reads a date (avsc hands over its string) or a plain int of days since the epoch. */
  protected override _resolve(writer: avro.Type): ((value: string | number) => string) | undefined {
    if (writer instanceof CalendarDateType) return (value) => value as string;
    if (avro.Type.isType(writer, 'int')) return (value) => this._fromValue(value as number);
    return undefined;
  }
}
