import { d, invoice, line, usd } from './decision-fixtures.fixture.spec';
import type { InvoiceForDecision } from './invoice';
import { findInvoiceProblems } from './invoice-validity';

const ALLOWANCE = d('0.01');
const codesOf = (inv: InvoiceForDecision) => findInvoiceProblems(inv, ALLOWANCE).map((p) => p.code);

describe('findInvoiceProblems', () => {
  it('a well-formed invoice › has none', () => {
    expect(findInvoiceProblems(invoice(), ALLOWANCE)).toEqual([]);
  });

  it('no lines › NO_LINES', () => {
    expect(codesOf(invoice({ lines: [] }))).toEqual(['NO_LINES']);
  });

  it('a number with no letter or digit › BLANK_INVOICE_NUMBER', () => {
    expect(codesOf(invoice({ invoiceNumber: ' -/- ' }))).toEqual(['BLANK_INVOICE_NUMBER']);
  });

  it.each(['2025-02-30', '06/06/2025', ''])('the invoice date %j › MALFORMED_INVOICE_DATE', (invoiceDate) => {
    expect(codesOf(invoice({ invoiceDate }))).toEqual(['MALFORMED_INVOICE_DATE']);
  });

  it('a currency that is not an ISO code › MALFORMED_CURRENCY', () => {
    const base = invoice();
    const lines = base.lines.map((l) => ({ ...l, unitPrice: { ...l.unitPrice, currency: 'usd' }, lineAmount: { ...l.lineAmount, currency: 'usd' } }));
    const inv = { ...base, lines, subtotal: usd('185', 'usd'), taxAmount: usd('0', 'usd'), total: usd('185', 'usd') };
    expect(codesOf(inv)).toEqual(['MALFORMED_CURRENCY']);
  });

  it('one amount in another currency › MIXED_CURRENCIES', () => {
    const lines = [line(1, 1, '10', '8.5000'), { ...line(2, 2, '4', '25.0000'), lineAmount: usd('100.0000', 'EUR') }];
    const problems = findInvoiceProblems(invoice({ lines }), ALLOWANCE);
    expect(problems.map((p) => p.code)).toEqual(['MIXED_CURRENCIES']);
    expect(problems[0]?.detail).toBe('amounts are in USD and EUR; an invoice has one currency');
  });

  it('a line number used twice › DUPLICATE_LINE_NUMBER', () => {
    expect(codesOf(invoice({ lines: [line(1, 1, '10', '8.5000'), line(1, 2, '4', '25.0000')] }))).toEqual(['DUPLICATE_LINE_NUMBER']);
  });

  it.each(['-1', '0'])('quantity %s on a line billing a PO line › NON_POSITIVE_QUANTITY for that line', (quantity) => {
    const problems = findInvoiceProblems(invoice({ lines: [line(1, 1, '10', '8.5000'), line(2, 2, quantity, '25.0000')] }), ALLOWANCE);
    expect(problems.map((p) => [p.code, p.lineNumber])).toEqual([['NON_POSITIVE_QUANTITY', 2]]);
  });

  it('a negative quantity on a line without a PO line (a credit) › accepted', () => {
    expect(codesOf(invoice({ lines: [line(1, 1, '10', '8.4950'), line(2, null, '-1', '8.4950')] }))).toEqual([]);
  });

  it('a negative unit price › NEGATIVE_UNIT_PRICE', () => {
    expect(codesOf(invoice({ lines: [line(1, 1, '10', '8.5000'), line(2, null, '1', '-5.0000')] }))).toEqual(['NEGATIVE_UNIT_PRICE']);
  });

  describe('line amount against quantity × unit price (rounding allowance 0.01)', () => {
    const withLineAmount = (amount: string) => {
      const first = { ...line(1, 1, '3', '0.3330'), lineAmount: usd(amount) };
      return invoice({ lines: [first], subtotal: usd(amount), total: usd(amount) });
    };

    it('off by exactly the allowance › accepted', () => {
      expect(codesOf(withLineAmount('1.0090'))).toEqual([]);
    });

    it('off by more than the allowance › LINE_AMOUNT_MISMATCH', () => {
      const problems = findInvoiceProblems(withLineAmount('1.0091'), ALLOWANCE);
      expect(problems.map((p) => p.code)).toEqual(['LINE_AMOUNT_MISMATCH']);
      expect(problems[0]?.detail).toBe('line 1: 3 × 0.3330 is 0.9990, the line amount says 1.0091');
    });
  });

  it('a subtotal that is not the sum of the lines › SUBTOTAL_MISMATCH (and the total no longer adds up either)', () => {
    expect(codesOf(invoice({ subtotal: usd('186.0000') }))).toEqual(['SUBTOTAL_MISMATCH', 'TOTAL_MISMATCH']);
  });

  it('a total that is not subtotal + tax › TOTAL_MISMATCH', () => {
    expect(codesOf(invoice({ taxAmount: usd('10.0000') }))).toEqual(['TOTAL_MISMATCH']);
    expect(codesOf(invoice({ taxAmount: usd('10.0000'), total: usd('195.0000') }))).toEqual([]);
  });

  it('line taxes that do not add up to the invoice tax › TAX_MISMATCH', () => {
    const lines = [line(1, 1, '10', '8.5000', { taxAmount: usd('5.0000') }), line(2, 2, '4', '25.0000', { taxAmount: usd('5.0000') })];
    expect(codesOf(invoice({ lines, taxAmount: usd('10.0000'), total: usd('195.0000') }))).toEqual([]);
    expect(codesOf(invoice({ lines, taxAmount: usd('12.0000'), total: usd('197.0000') }))).toEqual(['TAX_MISMATCH']);
  });

  it('tax on only some lines › the invoice tax is not checked against them', () => {
    const lines = [line(1, 1, '10', '8.5000', { taxAmount: usd('5.0000') }), line(2, 2, '4', '25.0000')];
    expect(codesOf(invoice({ lines, taxAmount: usd('12.0000'), total: usd('197.0000') }))).toEqual([]);
  });

  it('several problems › reports them all', () => {
    expect(codesOf(invoice({ lines: [], invoiceNumber: '#', total: usd('1') }))).toEqual(['NO_LINES', 'BLANK_INVOICE_NUMBER', 'TOTAL_MISMATCH']);
  });
});
