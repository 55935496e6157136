import avro from 'avsc';
import { Decimal } from '../decimal/decimal';
import { CalendarDateType } from './calendar-date-type';
import { DecimalType } from './decimal-type';
import { avroLogicalTypes } from './logical-types';
import { TimestampMillisType } from './timestamp-millis-type';
import { bigintToTwosComplement, twosComplementToBigint } from './twos-complement';

const d = (text: string): Decimal => Decimal.parse(text);
const forSchema = (schema: object): avro.Type =>
  avro.Type.forSchema(schema as avro.Schema, { logicalTypes: avroLogicalTypes, assertLogicalTypes: true });

const amountType = forSchema({
  type: 'record',
  name: 'Amount',
  fields: [{ name: 'value', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } }],
});

const roundTrip = (type: avro.Type, value: unknown): unknown => type.fromBuffer(type.toBuffer(value));

describe('Avro logical types', () => {
  describe('two-complement encoding of unscaled values', () => {
    it.each([
      [0n, '00'],
      [1n, '01'],
      [127n, '7f'],
      [128n, '0080'],
      [-1n, 'ff'],
      [-128n, '80'],
      [-129n, 'ff7f'],
      [255n, '00ff'],
    ])('%s › is the minimal big-endian bytes %s', (value, hex) => {
      expect(bigintToTwosComplement(value).toString('hex')).toBe(hex);
      expect(twosComplementToBigint(Buffer.from(hex, 'hex'))).toBe(value);
    });

    it('› is minimal and round-trips on both sides of every byte boundary and of the double-exact range', () => {
      const edges = [0n, ...Array.from({ length: 10 }, (_, i) => 2n ** BigInt(8 * i + 7)), 2n ** 53n - 1n, 2n ** 53n];
      const values = edges.flatMap((e) => [e - 1n, e, e + 1n]).flatMap((v) => [v, -v]);
      for (const value of values) {
        const bytes = bigintToTwosComplement(value);
        expect(twosComplementToBigint(bytes)).toBe(value);
        // minimal: the first byte is not a pure sign extension of the second
        const redundant = bytes.length > 1 && ((bytes[0] === 0x00 && (bytes[1] as number) < 0x80) || (bytes[0] === 0xff && (bytes[1] as number) >= 0x80));
        expect({ value, redundant }).toEqual({ value, redundant: false });
      }
    });

    it('› round-trips values far beyond 64 bits', () => {
      const huge = -(10n ** 40n) + 7n;
      expect(twosComplementToBigint(bigintToTwosComplement(huge))).toBe(huge);
    });
  });

  describe('decimal', () => {
    it.each(['1234.5600', '-1234.5600', '0', '-0.0001', '99999999999999.9999', '-99999999999999.9999'])(
      'when %s is written and read back › yields the same value at the schema scale',
      (text) => {
        const read = roundTrip(amountType, { value: d(text) }) as { value: Decimal };
        expect(Decimal.isDecimal(read.value)).toBe(true);
        expect(read.value.scale).toBe(4);
        expect(read.value.equals(d(text))).toBe(true);
      },
    );

    it('when the value has fewer places than the schema › is padded to the schema scale', () => {
      const read = roundTrip(amountType, { value: d('-12.5') }) as { value: Decimal };
      expect(read.value.toString()).toBe('-12.5000');
    });

    it('when written › the bytes are the two-complement unscaled value at the schema scale', () => {
      // -1.0000 → unscaled -10000 → 0xd8f0; bytes are length-prefixed (zig-zag 2 → 0x04)
      expect(amountType.toBuffer({ value: d('-1') }).toString('hex')).toBe('04d8f0');
    });

    it('when the value has more places than the schema scale › is refused, never rounded', () => {
      expect(() => amountType.toBuffer({ value: d('1.00005') })).toThrow(/5 decimal places.*at most 4/);
      expect(amountType.isValid({ value: d('1.00005') })).toBe(false);
    });

    it('when the value needs more digits than the precision › is refused', () => {
      expect(() => amountType.toBuffer({ value: d('100000000000000') })).toThrow(/needs 19 digits.*at most 18/);
    });

    it('when given a number or a string instead of a Decimal › is refused', () => {
      expect(() => amountType.toBuffer({ value: 12.5 })).toThrow(/expected a Decimal.*the number 12.5/);
      expect(() => amountType.toBuffer({ value: '12.5' })).toThrow(/expected a Decimal.*the string "12.5"/);
    });

    it('when a reader has a larger scale than the writer › rescales exactly', () => {
      const writer = forSchema({ type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 });
      const reader = forSchema({ type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 });
      const read = reader.fromBuffer(writer.toBuffer(d('-3.25')), reader.createResolver(writer)) as Decimal;
      expect(read.toString()).toBe('-3.2500');
    });

    it('when a reader has a smaller scale than the writer › cannot resolve it', () => {
      const writer = forSchema({ type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 });
      const reader = forSchema({ type: 'bytes', logicalType: 'decimal', precision: 18, scale: 2 });
      expect(() => reader.createResolver(writer)).toThrow();
    });

    it('when the schema has no precision › the schema is refused', () => {
      expect(() => forSchema({ type: 'bytes', logicalType: 'decimal', scale: 2 })).toThrow(/positive integer precision/);
    });

    it('when the type is exported › keeps logicalType, precision and scale', () => {
      expect(amountType.schema({ exportAttrs: true })).toMatchObject({
        fields: [{ name: 'value', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } }],
      });
    });
  });

  describe('timestamp-millis', () => {
    const type = forSchema({ type: 'long', logicalType: 'timestamp-millis' });

    it('when a Date is written and read back › yields an equal Date', () => {
      const at = new Date('2025-03-01T12:34:56.789Z');
      expect(roundTrip(type, at)).toEqual(at);
    });

    it('when given epoch milliseconds or an invalid Date › is refused', () => {
      expect(() => type.toBuffer(Date.now())).toThrow(/expected a Date/);
      expect(() => type.toBuffer(new Date('nope'))).toThrow(/invalid Date/);
    });
  });

  describe('date', () => {
    const type = forSchema({ type: 'int', logicalType: 'date' });

    it.each(['1970-01-01', '2027-12-31', '1969-07-20', '2028-02-29'])(
      'when %s is written and read back › yields the same calendar date',
      (day) => {
        expect(roundTrip(type, day)).toBe(day);
      },
    );

    it('when written › is the number of days since 1970-01-01', () => {
      expect(avro.Type.forSchema('int').fromBuffer(type.toBuffer('1970-01-11'))).toBe(10);
    });

    it.each(['2027-02-30', '2027-13-01', '27-01-01', '2027-01-01T00:00:00Z'])('when given "%s" › is refused', (day) => {
      expect(() => type.toBuffer(day)).toThrow(/calendar date/);
    });

    it('when given a Date › is refused: a calendar date has no time zone', () => {
      expect(() => type.toBuffer(new Date())).toThrow(/expected an ISO calendar date/);
    });
  });
});

describe('Avro logical types when reading data written with a plain underlying type', () => {
  it('a timestamp-millis reader › reads a plain long as a Date', () => {
    const reader = forSchema({ type: 'long', logicalType: 'timestamp-millis' });
    const writer = avro.Type.forSchema('long');
    expect(reader.fromBuffer(writer.toBuffer(86_400_000), reader.createResolver(writer))).toEqual(new Date('1970-01-02T00:00:00Z'));
  });

  it('a date reader › reads a plain int as a calendar date', () => {
    const reader = forSchema({ type: 'int', logicalType: 'date' });
    const writer = avro.Type.forSchema('int');
    expect(reader.fromBuffer(writer.toBuffer(1), reader.createResolver(writer))).toBe('1970-01-02');
  });
});

describe('Avro logical types in unions', () => {
  const optional = forSchema({
    type: 'record',
    name: 'Optional',
    fields: [
      { name: 'due', type: ['null', { type: 'int', logicalType: 'date' }], default: null },
      { name: 'at', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null },
      { name: 'amount', type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 }], default: null },
    ],
  });

  it('when a branch is null or a value › writes and reads back either', () => {
    const full = { due: '2027-03-01', at: new Date('2027-03-01T10:00:00Z'), amount: d('12.5000') };
    expect(roundTrip(optional, { due: null, at: null, amount: null })).toEqual({ due: null, at: null, amount: null });
    expect(roundTrip(optional, full)).toEqual(full);
  });

  it('when the union probes a logical branch with a value of another type › answers without running (and throwing from) the conversion', () => {
    const conversions = [CalendarDateType, TimestampMillisType, DecimalType].map((type) => jest.spyOn(type.prototype as unknown as { _toValue: () => unknown }, '_toValue'));
    try {
      optional.toBuffer({ due: null, at: null, amount: null });
      expect(conversions.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    } finally {
      conversions.forEach((spy) => spy.mockRestore());
    }
  });

  it('when a value fits no branch › is still refused, naming its path', () => {
    const paths: string[] = [];
    expect(optional.isValid({ due: 20270301, at: '2027', amount: 12.5 }, { errorHook: (path) => paths.push(path.join('.')) })).toBe(false);
    expect(paths).toEqual(['due', 'at', 'amount']);
    expect(() => optional.toBuffer({ due: '2027-02-30', at: null, amount: null })).toThrow();
  });
});
