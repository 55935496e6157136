import { checkDuns, checkTaxId } from './identifiers';

describe('checkTaxId', () => {
  it('keeps letters and digits only, uppercased', () => {
    expect(checkTaxId('12-3456789', 'US')).toEqual({ ok: true, value: '123456789' });
    expect(checkTaxId('de 123.456.789', 'DE')).toEqual({ ok: true, value: 'DE123456789' });
    expect(checkTaxId('GB/123 4567 89', 'GB')).toEqual({ ok: true, value: 'GB123456789' });
  });

  describe('when the tax id is issued in the US', () => {
    it('requires nine digits', () => {
      expect(checkTaxId('12-345678', 'US')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
      expect(checkTaxId('12-34567AB', 'US')).toMatchObject({ ok: false, code: 'MALFORMED' });
    });
  });

  it('refuses characters other than letters, digits and separators', () => {
    expect(checkTaxId('12#3456789', 'US')).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('refuses fewer than 4 or more than 20 characters outside the US', () => {
    expect(checkTaxId('AB1', 'DE')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
    expect(checkTaxId('A'.repeat(21), 'DE')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
  });

  it('never repeats the tax id in its message', () => {
    expect(JSON.stringify(checkTaxId('12-345678', 'US'))).not.toContain('345678');
  });
});

describe('checkDuns', () => {
  it('accepts nine digits with or without hyphens', () => {
    expect(checkDuns('15-048-3782')).toEqual({ ok: true, value: '150483782' });
    expect(checkDuns('150483782')).toEqual({ ok: true, value: '150483782' });
  });

  it('refuses other lengths and letters', () => {
    expect(checkDuns('15048378')).toMatchObject({ ok: false, code: 'WRONG_LENGTH' });
    expect(checkDuns('15048378X')).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});
