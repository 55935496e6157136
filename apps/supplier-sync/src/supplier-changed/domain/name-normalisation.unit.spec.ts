import { foldText, legalNameKey } from './name-normalisation';

describe('legalNameKey', () => {
  it.each([
    ['Acme Medical Supply, Inc.', 'ACME MEDICAL SUPPLY'],
    ['ACME MEDICAL SUPPLY INC', 'ACME MEDICAL SUPPLY'],
    ['acme   medical supply  L.L.C.', 'ACME MEDICAL SUPPLY'],
    ['Acme Medical Supply Co., Ltd.', 'ACME MEDICAL SUPPLY'],
    ['The Acme Medical Supply Corporation', 'ACME MEDICAL SUPPLY'],
    ['Müller Medizintechnik GmbH', 'MULLER MEDIZINTECHNIK'],
    ['Smith & Nephew plc', 'SMITH AND NEPHEW'],
    ["O'Neil Surgical S.A.", 'ONEIL SURGICAL'],
    ['Baxter-Healthcare Corp', 'BAXTER HEALTHCARE'],
  ])('keys %p as %p', (name, key) => {
    expect(legalNameKey(name)).toBe(key);
  });

  it('keeps a name that is only a legal-form word', () => {
    expect(legalNameKey('Company')).toBe('COMPANY');
    expect(legalNameKey('The Co')).toBe('CO');
  });

  it('drops suffixes only at the end', () => {
    expect(legalNameKey('Co Op Supplies Inc')).toBe('CO OP SUPPLIES');
  });
});

describe('foldText', () => {
  it('strips accents and punctuation and collapses spaces', () => {
    expect(foldText('  Société  Générale, S.A. ')).toBe('SOCIETE GENERALE SA');
  });
});
