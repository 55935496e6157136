import { parseApInvoice } from './ap-invoice';

const INVOICE = {
  invoiceId: 'INV-7',
  supplierId: 'SUP-42',
  poNumber: 'PO-1001',
  amount: '110.10',
  taxAmount: '10.00',
  currency: 'USD',
  lines: [
    { lineNumber: 1, description: 'Gloves', quantity: '10', amount: '50.05' },
    { lineNumber: 2, description: 'Masks', amount: '50.05' },
  ],
};

describe('an AP invoice posting', () => {
  it('when the lines plus tax add up to the amount exactly › becomes a posting keyed by the invoice id', () => {
    expect(parseApInvoice(INVOICE)).toMatchObject({
      ok: true,
      value: { kind: 'AP_INVOICE', businessKey: 'INV-7', subjectId: 'INV-7', amount: '110.10', currency: 'USD', facilityId: null },
    });
  });

  it('when the lines do not add up › refuses it as INCONSISTENT at lines, saying what they come to', () => {
    const outcome = parseApInvoice({ ...INVOICE, amount: '110.11' });
    expect(!outcome.ok && outcome.problems).toEqual([{ path: 'lines', code: 'INCONSISTENT', message: expect.stringContaining('110.10') }]);
  });

  it('when a line amount is a JSON number › refuses it at its line path', () => {
    const outcome = parseApInvoice({ ...INVOICE, lines: [INVOICE.lines[0], { lineNumber: 2, description: 'Masks', amount: 50.05 }] });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['lines[1].amount:WRONG_TYPE']);
  });

  it('when two lines share a number › refuses the second', () => {
    const outcome = parseApInvoice({ ...INVOICE, lines: [INVOICE.lines[0], { ...INVOICE.lines[1], lineNumber: 1 }] });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['lines[1].lineNumber:DUPLICATE']);
  });

  it('when it has no lines › refuses it', () => {
    const outcome = parseApInvoice({ ...INVOICE, lines: [] });
    expect(!outcome.ok && outcome.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['lines:MISSING']);
  });
});
