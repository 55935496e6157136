import { Decimal } from './decimal';
import { DecimalError } from './decimal-error';

const d = (text: string): Decimal => Decimal.parse(text);

describe('Decimal', () => {
  describe('when parsed from a string', () => {
    it.each([
      ['0', 0n, 0],
      ['1234.5600', 12345600n, 4],
      ['-0.0001', -1n, 4],
      ['+42', 42n, 0],
      ['99999999999999.9999', 999999999999999999n, 4],
    ])('"%s" › keeps the unscaled value %s and scale %s', (text, unscaled, scale) => {
      expect(d(text)).toMatchObject({ unscaled, scale });
    });

    it('› prints back exactly, trailing zeros included', () => {
      expect(d('-1234.5600').toString()).toBe('-1234.5600');
      expect(d('0.05').toString()).toBe('0.05');
      expect(Decimal.of(-5n, 3).toString()).toBe('-0.005');
      expect(JSON.stringify({ amount: d('10.10') })).toBe('{"amount":"10.10"}');
    });

    it.each(['', ' 1', '1.', '.5', '1e3', '1,000.00', 'NaN', '--1', '0x10'])('"%s" › is refused as MALFORMED', (text) => {
      expect(() => d(text)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
    });
  });

  describe('when given a JavaScript number', () => {
    it('› is refused: amounts never pass through binary floating point', () => {
      const parse = (): Decimal => Decimal.parse(0.1 as unknown as string);
      expect(parse).toThrow(DecimalError);
      expect(parse).toThrow(expect.objectContaining({ code: 'NOT_A_STRING', retriable: false }));
    });
  });

  describe('arithmetic', () => {
    it('› adds and subtracts exactly across scales', () => {
      expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
      expect(d('100.00').subtract(d('0.005')).toString()).toBe('99.995');
      expect(d('-5').add(d('5.00')).isZero()).toBe(true);
    });

    it('› multiplies exactly, the scales adding up', () => {
      expect(d('12.50').multiply(d('3.000')).toString()).toBe('37.50000');
      expect(d('-1.5').multiply(d('-1.5')).toString()).toBe('2.25');
    });

    it('› multiplies values far beyond Number.MAX_SAFE_INTEGER without loss', () => {
      expect(d('9007199254740993').multiply(d('1000000')).toString()).toBe('9007199254740993000000');
    });

    it('› divides with half-even rounding at the requested scale', () => {
      expect(d('10').divide(d('3'), 4).toString()).toBe('3.3333');
      expect(d('2').divide(d('3'), 2).toString()).toBe('0.67');
      expect(d('-1').divide(d('8'), 2).toString()).toBe('-0.12');
      expect(d('1').divide(d('0.25'), 0).toString()).toBe('4');
    });

    it('› refuses to divide by zero', () => {
      expect(() => d('1').divide(d('0.00'), 2)).toThrow(expect.objectContaining({ code: 'DIVISION_BY_ZERO' }));
    });
  });

  describe('rounding half-even', () => {
    it.each([
      ['2.345', 2, '2.34'],
      ['2.355', 2, '2.36'],
      ['2.3451', 2, '2.35'],
      ['-2.345', 2, '-2.34'],
      ['-2.355', 2, '-2.36'],
      ['0.5', 0, '0'],
      ['1.5', 0, '2'],
      ['2.5', 0, '2'],
      ['1.2', 4, '1.2000'],
    ])('%s to %s places › %s', (value, scale, expected) => {
      expect(d(value).roundHalfEven(scale).toString()).toBe(expected);
    });

    it('withScale › pads freely but refuses to drop a significant digit', () => {
      expect(d('1.5').withScale(4).toString()).toBe('1.5000');
      expect(d('1.5000').withScale(1).toString()).toBe('1.5');
      expect(() => d('1.55').withScale(1)).toThrow(expect.objectContaining({ code: 'SCALE_EXCEEDED' }));
      expect(d('-0.5').withScale(3).toString()).toBe('-0.500');
      expect(d('-12.34').withScale(2).toString()).toBe('-12.34');
      expect(d('0.1').withScale(64).toString()).toBe(`0.1${'0'.repeat(63)}`);
    });
  });

  describe('comparison', () => {
    it('› is numeric, whatever the scale', () => {
      expect(d('1.50').equals(d('1.5'))).toBe(true);
      expect(d('1.50').compare(d('1.499'))).toBe(1);
      expect(d('-2').compare(d('1'))).toBe(-1);
      expect(d('0.001').lessThan(d('0.01'))).toBe(true);
      expect(d('10').greaterThan(d('9.9999'))).toBe(true);
    });

    it('› at the same scale, by the unscaled values, signs included', () => {
      expect(d('1.25').compare(d('1.24'))).toBe(1);
      expect(d('-1.25').compare(d('-1.24'))).toBe(-1);
      expect(d('-0.01').compare(d('0.01'))).toBe(-1);
      expect(d('7.00').compare(d('7.00'))).toBe(0);
    });

    it('› counts precision as the digits of the unscaled value', () => {
      expect(d('1234.5600').precision).toBe(8);
      expect(d('-0.0001').precision).toBe(1);
      expect(d('0').precision).toBe(1);
    });
  });

  describe('isDecimal', () => {
    it('› recognises decimals and nothing else', () => {
      expect(Decimal.isDecimal(d('1'))).toBe(true);
      expect(Decimal.isDecimal('1')).toBe(false);
      expect(Decimal.isDecimal({ unscaled: 1n, scale: 0 })).toBe(false);
      expect(Decimal.isDecimal(null)).toBe(false);
    });
  });
});
