import { Decimal } from '@procurelink/canonical-schemas';
import { parsePaymentTermsCode } from './payment-terms';

describe('parsePaymentTermsCode', () => {
  it.each([
    ['NET30', 'NET30', 30],
    ['net 45', 'NET45', 45],
    ['Net_60', 'NET60', 60],
  ])('reads %p as net terms %s', (raw, code, netDays) => {
    expect(parsePaymentTermsCode(raw)).toEqual({ ok: true, value: { code, netDays, discountPercent: null, discountDays: null } });
  });

  it('reads a discount code into an exact Decimal percentage at scale 4', () => {
    const result = parsePaymentTermsCode('2/10 NET 30');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.code).toBe('2/10NET30');
    expect(result.value.discountPercent?.toString()).toBe('2.0000');
    expect(result.value.discountPercent?.equals(Decimal.parse('2'))).toBe(true);
    expect(result.value.discountDays).toBe(10);
    expect(result.value.netDays).toBe(30);
  });

  it('keeps a fractional discount exactly', () => {
    const result = parsePaymentTermsCode('1.5/15NET60');
    expect(result.ok && result.value.code).toBe('1.5/15NET60');
    expect(result.ok && result.value.discountPercent?.toString()).toBe('1.5000');
  });

  it.each(['DUE_ON_RECEIPT', 'Due on receipt', 'IMMEDIATE', 'NET0'])('reads %p as due on receipt', (raw) => {
    expect(parsePaymentTermsCode(raw)).toEqual({ ok: true, value: { code: 'DUE_ON_RECEIPT', netDays: 0, discountPercent: null, discountDays: null } });
  });

  describe('when the code is not usable', () => {
    it.each(['30 days', 'NET', '2/10', '2/30NET30', '0/10NET30', 'NET400', '2.12345/10NET30'])('refuses %p', (raw) => {
      expect(parsePaymentTermsCode(raw)).toMatchObject({ ok: false, code: 'MALFORMED' });
    });
  });
});
