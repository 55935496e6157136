import { CalendarDateType } from './calendar-date-type';
import { DecimalType } from './decimal-type';
import { TimestampMillisType } from './timestamp-millis-type';

/**
 * The avsc `logicalTypes` option for canonical schemas:
 *   decimal (bytes)          ⇄ Decimal
 *   timestamp-millis (long)  ⇄ Date
 *   date (int)               ⇄ "YYYY-MM-DD"
 * e.g. new SchemaRegistry({ host }, { [SchemaType.AVRO]: { logicalTypes: avroLogicalTypes } }).
 */
export const avroLogicalTypes = Object.freeze({
  decimal: DecimalType,
  'timestamp-millis': TimestampMillisType,
  date: CalendarDateType,
});

export type AvroLogicalTypes = typeof avroLogicalTypes;
