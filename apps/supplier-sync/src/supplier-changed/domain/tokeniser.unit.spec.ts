import { bankAccountRef, maskTail, taxIdRef, TokeniserContractError, type Tokeniser } from './tokeniser';
import { ACCOUNT_1, IBAN_DE, ROUTING_CHASE, testTokeniser } from './supplier-records.fixture.spec';

describe('bankAccountRef', () => {
  it('gives a token, the last four digits and the bank country of an IBAN', () => {
    const ref = bankAccountRef({ kind: 'IBAN', iban: IBAN_DE, country: 'DE' }, testTokeniser);
    expect(ref).toEqual({ token: testTokeniser.tokenise(IBAN_DE, 'bank-account'), maskedNumber: '****3000', bankCountry: 'DE' });
  });

  it('tokenises a US account together with its routing number, masking the account number', () => {
    const ref = bankAccountRef({ kind: 'US_ACCOUNT', routingNumber: ROUTING_CHASE, accountNumber: ACCOUNT_1, country: 'US' }, testTokeniser);
    expect(ref.maskedNumber).toBe('****7788');
    expect(ref.bankCountry).toBe('US');
    const sameNumberOtherBank = bankAccountRef({ kind: 'US_ACCOUNT', routingNumber: '011000015', accountNumber: ACCOUNT_1, country: 'US' }, testTokeniser);
    expect(sameNumberOtherBank.token).not.toBe(ref.token);
  });

  it('refuses a tokeniser that hands back the clear number', () => {
    const leaky: Tokeniser = { tokenise: (clear) => `tok:${clear}` };
    expect(() => bankAccountRef({ kind: 'IBAN', iban: IBAN_DE, country: 'DE' }, leaky)).toThrow(TokeniserContractError);
    expect(() => bankAccountRef({ kind: 'IBAN', iban: IBAN_DE, country: 'DE' }, leaky)).not.toThrow(IBAN_DE);
  });

  it('refuses a tokeniser that returns an empty token', () => {
    expect(() => taxIdRef({ value: '123456789', issuingCountry: 'US' }, { tokenise: () => '' })).toThrow(TokeniserContractError);
  });
});

describe('taxIdRef', () => {
  it('masks all but the last four characters and keeps the issuing country', () => {
    expect(taxIdRef({ value: '123456789', issuingCountry: 'US' }, testTokeniser)).toEqual({
      token: testTokeniser.tokenise('US:123456789', 'tax-id'),
      maskedValue: '*****6789',
      issuingCountry: 'US',
    });
  });

  it('gives the same value from another country another token', () => {
    const us = taxIdRef({ value: '123456789', issuingCountry: 'US' }, testTokeniser);
    const de = taxIdRef({ value: '123456789', issuingCountry: 'DE' }, testTokeniser);
    expect(de.token).not.toBe(us.token);
  });
});

describe('maskTail', () => {
  it('shows fewer characters of short values so most of the value stays hidden', () => {
    expect(maskTail('123456789')).toBe('*****6789');
    expect(maskTail('123456')).toBe('*****6');
    expect(maskTail('1234')).toBe('****');
    expect(maskTail('1234', 4)).toBe('****');
    expect(maskTail('4455667788', 4)).toBe('****7788');
  });
});
