import { parseVendorUpsert } from './vendor-upsert';

const VENDOR = {
  legalName: 'Acme Medical Supply LLC',
  status: 'ACTIVE',
  remitTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' },
  bankAccount: { token: 'tok_bank_7f3a9c21', maskedNumber: '****6789', bankCountry: 'US' },
};

describe('a vendor upsert', () => {
  it('when it is valid › becomes a posting keyed by the supplier id from the path', () => {
    const outcome = parseVendorUpsert('SUP-42', VENDOR);
    expect(outcome).toMatchObject({ ok: true, value: { kind: 'VENDOR_UPSERT', businessKey: 'SUP-42', subjectId: 'SUP-42', amount: null } });
    expect(outcome.ok && outcome.value.record).toMatchObject({ supplierId: 'SUP-42', bankAccount: VENDOR.bankAccount, tradingName: null });
  });

  it('when the bank token is a clear account number › refuses it without repeating the number', () => {
    const outcome = parseVendorUpsert('SUP-42', { ...VENDOR, bankAccount: { ...VENDOR.bankAccount, token: '000123456789' } });
    expect(!outcome.ok && outcome.problems).toEqual([{ path: 'bankAccount.token', code: 'MALFORMED', message: expect.stringContaining('clear account number') }]);
    expect(JSON.stringify(outcome)).not.toContain('000123456789');
  });

  it('when a clear account number is sent in a field of its own › refuses the field by name', () => {
    const outcome = parseVendorUpsert('SUP-42', { ...VENDOR, bankAccount: { ...VENDOR.bankAccount, accountNumber: '000123456789' } });
    expect(!outcome.ok && outcome.problems.map((p) => p.path)).toEqual(['bankAccount.accountNumber']);
    expect(JSON.stringify(outcome)).not.toContain('000123456789');
  });

  it('when the masked number shows more than the last four › refuses it', () => {
    const outcome = parseVendorUpsert('SUP-42', { ...VENDOR, bankAccount: { ...VENDOR.bankAccount, maskedNumber: '12345678' } });
    expect(!outcome.ok && outcome.problems[0]).toMatchObject({ path: 'bankAccount.maskedNumber', code: 'MALFORMED' });
  });

  it('when the supplier id in the path is malformed and remit-to is missing › reports both', () => {
    const outcome = parseVendorUpsert('SUP 42', { ...VENDOR, remitTo: undefined });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['params.supplierId:MALFORMED', 'remitTo:MISSING']);
  });
});
