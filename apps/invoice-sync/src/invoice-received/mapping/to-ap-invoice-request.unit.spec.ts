import { Decimal } from '@procurelink/canonical-schemas';
import { parseApInvoiceRecord } from '../source';
import { apInvoiceJson } from './ap-invoice-fixture.fixture.spec';
import { erpIdempotencyKey, toApInvoiceRequest } from './to-ap-invoice-request';
import { toInvoiceReceived } from './to-invoice-received';

function invoice(overrides: Record<string, unknown> = {}) {
  const result = parseApInvoiceRecord(apInvoiceJson(overrides));
  if (!result.ok) throw new Error('fixture does not parse');
  return toInvoiceReceived(result.record, { tenant: 't' });
}

const balance = (request: ReturnType<typeof toApInvoiceRequest>) =>
  request.lines.reduce((sum, line) => sum.add(Decimal.parse(line.amount)), Decimal.parse(request.taxAmount ?? '0'));

describe('toApInvoiceRequest', () => {
  it('carries the invoice, its lines and its tax › and balances exactly', () => {
    const request = toApInvoiceRequest(invoice());
    expect(request).toMatchObject({
      invoiceId: 'APX-2026-000123',
      supplierId: 'SUP-MEDLINE',
      poNumber: 'PO-1001',
      supplierInvoiceNumber: 'INV-55821',
      facilityId: 'FAC-NORTH',
      invoiceDate: '2026-03-05',
      dueDate: '2026-04-04',
      amount: '150.00',
      taxAmount: '10.00',
      currency: 'USD',
    });
    expect(request.lines).toEqual([
      { lineNumber: 1, poLineNumber: 1, description: 'Nitrile gloves, M', quantity: '10.00', amount: '125.00' },
      { lineNumber: 2, description: 'Freight', quantity: '1.00', amount: '15.00' },
    ]);
    expect(balance(request).equals(Decimal.parse(request.amount))).toBe(true);
  });

  it('when supplier rounding leaves the lines a cent off the total › adds one rounding line so it balances', () => {
    const request = toApInvoiceRequest(invoice({ subtotal: '140.00', total: '150.01' }));
    expect(request.lines.at(-1)).toEqual({ lineNumber: 3, description: expect.stringContaining('Rounding'), amount: '0.01' });
    expect(balance(request).toString()).toBe('150.01');
  });

  it('writes amounts in one notation › the same request whatever the scale the invoice came back in', () => {
    const fromSource = toApInvoiceRequest(invoice());
    const atScale4 = invoice();
    const rescaled = {
      ...atScale4,
      totalAmount: { ...atScale4.totalAmount, amount: atScale4.totalAmount.amount.withScale(4) },
      taxAmount: { ...atScale4.taxAmount, amount: atScale4.taxAmount.amount.withScale(4) },
      lines: atScale4.lines.map((line) => ({ ...line, quantity: line.quantity.withScale(4), lineAmount: { ...line.lineAmount, amount: line.lineAmount.amount.withScale(4) } })),
    };
    expect(JSON.stringify(toApInvoiceRequest(rescaled))).toBe(JSON.stringify(fromSource));
  });

  it('a non-PO invoice › is never posted', () => {
    expect(() => toApInvoiceRequest(invoice({ poNumber: null }))).toThrow(/names no purchase order/);
  });
});

describe('erpIdempotencyKey', () => {
  it('is the business key, hashed only when longer than the ERP accepts', () => {
    expect(erpIdempotencyKey('invoice:SUP-1:INV1:10:USD')).toBe('invoice:SUP-1:INV1:10:USD');
    const long = erpIdempotencyKey(`invoice:${'X'.repeat(300)}`);
    expect(long).toMatch(/^invoice:sha256:[0-9a-f]{64}$/);
  });
});
