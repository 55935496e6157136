import { apInvoiceJson } from '../mapping/ap-invoice-fixture.fixture.spec';
import { describeProblems, parseApInvoiceRecord } from './ap-invoice-record';

function problemsOf(value: unknown) {
  const result = parseApInvoiceRecord(value);
  return result.ok ? [] : result.problems;
}

describe('parseApInvoiceRecord', () => {
  it('reads a valid record › money and quantities as exact decimals, capture time as an instant', () => {
    const result = parseApInvoiceRecord(apInvoiceJson());
    if (!result.ok) throw new Error(describeProblems(result.problems));
    expect(result.record.total.toString()).toBe('150.00');
    expect(result.record.lines[0]?.unitPrice.toString()).toBe('12.50');
    expect(result.record.lines[1]).toMatchObject({ poLineNumber: null, taxAmount: null, gtin: null });
    expect(result.record.capturedAt).toEqual(new Date('2026-03-05T09:30:00Z'));
  });

  it('a non-PO invoice › poNumber null is accepted', () => {
    const result = parseApInvoiceRecord(apInvoiceJson({ poNumber: null }));
    expect(result.ok && result.record.poNumber).toBeNull();
  });

  it('money as a JSON number › refused at its path, without echoing the value', () => {
    const problems = problemsOf(apInvoiceJson({ total: 150.5 }));
    expect(problems).toEqual([{ path: 'total', message: 'must be a decimal string such as "1250.50", not a JSON number' }]);
    expect(describeProblems(problems)).not.toContain('150.5');
  });

  it('reports every problem at once with field paths', () => {
    const json = apInvoiceJson({ supplierId: '', invoiceDate: '2026-02-30', currency: 'usd', capturedAt: 'yesterday' });
    (json['lines'] as Array<Record<string, unknown>>)[1] = { lineNumber: 1, description: 'x', quantity: '1', unitPrice: 'abc', lineAmount: '1' };
    expect(problemsOf(json).map((p) => p.path)).toEqual(['supplierId', 'invoiceDate', 'currency', 'capturedAt', 'lines[1].lineNumber', 'lines[1].unitPrice']);
  });

  it('no lines, or not an object › refused', () => {
    expect(problemsOf(apInvoiceJson({ lines: [] })).map((p) => p.path)).toEqual(['lines']);
    expect(problemsOf('not an invoice')).toEqual([{ path: '', message: 'the record must be a JSON object' }]);
  });

  it('a due date before the invoice date › refused', () => {
    expect(problemsOf(apInvoiceJson({ dueDate: '2026-03-01' })).map((p) => p.path)).toEqual(['dueDate']);
  });
});
