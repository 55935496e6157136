import { maskSensitive, maskText, maskValue } from './masking';

describe('masking what ops shows', () => {
  it('masks a sensitive field entirely, keeping the last 4 characters, whatever its case or shape', () => {
    const masked = maskSensitive({
      bankAccount: { accountNumber: '12345678', routing: '021000021' },
      iban: 'DE89 3704 0044 0532 0130 00',
      TAX_NUMBER: '12-3456789',
      ACCOUNT_NUMBER: 987654321,
      taxId: 'AB12',
    });
    expect(masked).toEqual({
      bankAccount: { accountNumber: '****5678', routing: '****0021' },
      iban: '****3000',
      TAX_NUMBER: '****6789',
      ACCOUNT_NUMBER: '****4321',
      taxId: '****',
    });
  });

  it('masks long digit runs and IBAN-like strings in free text, as sanitizeMessage does', () => {
    expect(maskText('pay to GB82WEST12345698765432 or account 1234 5678 90 now')).toBe('pay to ****5432 or account ****7890 now');
    expect(maskSensitive({ note: 'account 123456789' })).toEqual({ note: 'account ****6789' });
  });

  it('keeps identifiers people need to read (PO numbers, invoice ids, dates) and leaves numbers and booleans alone', () => {
    const value = { poNumber: 'PO-2026-000123', invoiceId: 'INV-1234567', occurredAt: '2026-03-09T10:00:00Z', quantity: 12, held: true, lines: [{ lineNumber: 1 }] };
    expect(maskSensitive(value)).toEqual(value);
  });

  it('masks short values to **** alone', () => {
    expect(maskValue('123')).toBe('****');
  });
});
