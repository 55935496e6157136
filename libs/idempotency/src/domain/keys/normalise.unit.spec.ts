import { IdempotencyInvalidArgumentError } from '../errors';
import { normaliseCurrency, normaliseDecimal, normaliseDocumentNumber, normaliseRevision } from './normalise';

describe('normaliseDocumentNumber', () => {
  it.each([
    ['inv-00123', 'INV123'],
    ['INV 123', 'INV123'],
    ['Inv#0123', 'INV123'],
    ['inv_00/12.3', 'INV123'],
    ['  a-007-b  ', 'A7B'],
    ['0000', '0'],
    ['２０２４／００１', '2024001'],
  ])('when written as %p › becomes %p', (raw, expected) => {
    expect(normaliseDocumentNumber(raw)).toBe(expected);
  });

  it('when normalised twice › gives the same result', () => {
    const once = normaliseDocumentNumber('INV 0 0123-A');
    expect(normaliseDocumentNumber(once)).toBe(once);
  });

  it('when nothing but punctuation is left › is refused, naming the field', () => {
    expect(() => normaliseDocumentNumber(' -/# ', 'invoiceNumber')).toThrow(/invoiceNumber " -\/# " has no letters or digits/);
  });
});

describe('normaliseDecimal', () => {
  it.each([
    ['100.50', '100.5'],
    ['100.00', '100'],
    ['-0.00', '0'],
    ['+0', '0'],
    ['007.10', '7.1'],
    ['-12.340', '-12.34'],
    ['0.05', '0.05'],
    ['12345678901234567890.123456789', '12345678901234567890.123456789'],
  ])('when given %p › gives %p', (raw, expected) => {
    expect(normaliseDecimal(raw)).toBe(expected);
  });

  it.each(['1e3', '1,000.00', ' 100', '100 ', 'NaN', 'Infinity', '', '.5', '5.', '--1', '0x10', '١٠٠'])(
    'when given the non-decimal %p › refuses it',
    (raw) => {
      expect(() => normaliseDecimal(raw)).toThrow(IdempotencyInvalidArgumentError);
    },
  );

  it('when given a JS number instead of a string › refuses it', () => {
    expect(() => normaliseDecimal(100.5 as unknown as string)).toThrow(/must be a decimal string.*got number/);
  });
});

describe('normaliseCurrency and normaliseRevision', () => {
  it('when a currency is lower case › upper-cases it; anything but three letters is refused', () => {
    expect(normaliseCurrency('eur')).toBe('EUR');
    expect(() => normaliseCurrency('EURO')).toThrow(/three-letter ISO 4217/);
  });

  it('when a revision is a number or digits › gives the whole number; negatives and fractions are refused', () => {
    expect(normaliseRevision(3)).toBe('3');
    expect(normaliseRevision('003')).toBe('3');
    expect(() => normaliseRevision(-1)).toThrow(/revision must be a whole number/);
    expect(() => normaliseRevision(1.5)).toThrow(IdempotencyInvalidArgumentError);
    expect(() => normaliseRevision('r2')).toThrow(IdempotencyInvalidArgumentError);
  });
});
