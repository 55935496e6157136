import { normaliseInvoiceNumber } from './invoice-number';

describe('normaliseInvoiceNumber', () => {
  it.each([
    ['inv-00123', 'INV123'],
    ['INV 123', 'INV123'],
    ['INV#0123', 'INV123'],
    ['inv_123', 'INV123'],
    ['INV/2025/0042', 'INV20250042'],
    ['inv.123', 'INV123'],
    ['  a-00123  ', 'A123'],
    ['A007B0010', 'A7B10'],
    ['INV-000', 'INV0'],
    ['0000', '0'],
    ['INV-001-002', 'INV1002'],
    ['ｉｎｖ－１２３', 'INV123'],
    ['rechnung-ä12', 'RECHNUNGÄ12'],
    ['---', ''],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseInvoiceNumber(raw)).toBe(normalised);
  });
});
