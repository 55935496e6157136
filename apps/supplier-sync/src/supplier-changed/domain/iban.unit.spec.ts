import { checkIban } from './iban';
import { IBAN_DE, IBAN_GB } from './supplier-records.fixture.spec';

describe('checkIban', () => {
  describe('when the IBAN is valid', () => {
    it.each([IBAN_DE, IBAN_GB, 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'BE68539007547034', 'NO9386011117947', 'CH9300762011623852957'])(
      'accepts %s and reports its country',
      (iban) => {
        expect(checkIban(iban)).toEqual({ ok: true, value: { iban, country: iban.slice(0, 2) } });
      },
    );

    it('accepts the print form with spaces and lower case, giving the electronic form', () => {
      expect(checkIban('de89 3704 0044 0532 0130 00')).toEqual({ ok: true, value: { iban: IBAN_DE, country: 'DE' } });
    });
  });

  describe('when the IBAN is wrong', () => {
    it('fails the mod-97 check when a digit is changed', () => {
      expect(checkIban('DE89370400440532013001')).toEqual({ ok: false, code: 'CHECKSUM_FAILED', message: 'fails the mod-97 check' });
    });

    it('fails the mod-97 check when two digits are swapped', () => {
      expect(checkIban('DE89370400440532031000')).toMatchObject({ ok: false, code: 'CHECKSUM_FAILED' });
    });

    it('refuses a length that is wrong for the country', () => {
      expect(checkIban('DE8937040044053201300')).toEqual({ ok: false, code: 'WRONG_LENGTH', message: 'must have 22 characters for DE' });
    });

    it('refuses a country outside the supported list as UNSUPPORTED', () => {
      expect(checkIban('ZZ89370400440532013000')).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    });

    it.each(['', '89370400440532013000', 'DE8X370400440532013000', 'DE89-3704-0044', 'DE89370400440532013000370400440532013000'])(
      'refuses the malformed value %p',
      (iban) => {
        expect(checkIban(iban)).toMatchObject({ ok: false, code: 'MALFORMED' });
      },
    );

    it('never repeats the IBAN in its message', () => {
      const result = checkIban('DE89370400440532013001');
      expect(JSON.stringify(result)).not.toContain('370400440532013001');
    });
  });
});
