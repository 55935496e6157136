import { Decimal } from './decimal';
import { isWithinAbsoluteTolerance, isWithinPercentTolerance, percentageDifference } from './tolerance';

const d = (text: string): Decimal => Decimal.parse(text);

describe('price and quantity tolerances', () => {
  describe('percentageDifference', () => {
    it('when the invoice is above the PO price › is positive', () => {
      expect(percentageDifference(d('105.00'), d('100.00')).toString()).toBe('5.0000');
    });

    it('when the invoice is below the PO price › is negative', () => {
      expect(percentageDifference(d('12.34'), d('12.50'), 2).toString()).toBe('-1.28');
    });

    it('when the expected amount is zero › refuses rather than dividing by zero', () => {
      expect(() => percentageDifference(d('1'), d('0'))).toThrow(expect.objectContaining({ code: 'DIVISION_BY_ZERO' }));
    });
  });

  describe('isWithinPercentTolerance', () => {
    it('when the variance equals the tolerance exactly › is within', () => {
      expect(isWithinPercentTolerance(d('102.00'), d('100.00'), d('2'))).toBe(true);
      expect(isWithinPercentTolerance(d('98.00'), d('100.00'), d('2'))).toBe(true);
    });

    it('when the variance exceeds the tolerance by a cent › is outside (no rounding hides it)', () => {
      expect(isWithinPercentTolerance(d('102.01'), d('100.00'), d('2'))).toBe(false);
    });

    it('when the expected amount is a credit (negative) › compares magnitudes', () => {
      expect(isWithinPercentTolerance(d('-101'), d('-100'), d('1.5'))).toBe(true);
    });

    it('when the tolerance is negative › refuses it', () => {
      expect(() => isWithinPercentTolerance(d('1'), d('1'), d('-1'))).toThrow(/cannot be negative/);
    });
  });

  describe('isWithinAbsoluteTolerance', () => {
    it('› allows a rounding difference up to the tolerance and no more', () => {
      expect(isWithinAbsoluteTolerance(d('100.05'), d('100.00'), d('0.05'))).toBe(true);
      expect(isWithinAbsoluteTolerance(d('99.94'), d('100.00'), d('0.05'))).toBe(false);
    });
  });
});
