import { d, usd } from './decision-fixtures.fixture.spec';
import { exceptionEventFields } from './exception-event-fields';
import type { InvoiceException } from './invoice-outcome';

const priceVariance = (amount: string, percent: string | null): InvoiceException => ({
  reason: 'PRICE_VARIANCE',
  detail: 'line 1: unit price above the PO price',
  lines: [],
  variance: { amount: usd(amount), percent: percent === null ? null : d(percent) },
});

describe('exceptionEventFields', () => {
  it('a DUPLICATE › carries the id of the invoice it repeats, no variance', () => {
    expect(exceptionEventFields({ reason: 'DUPLICATE', detail: 'same', duplicateOf: 'INV-4000' })).toEqual({
      reason: 'DUPLICATE',
      detail: 'same',
      duplicateOfInvoiceId: 'INV-4000',
      varianceAmount: null,
      variancePercent: null,
    });
  });

  it('a NEAR_DUPLICATE › carries the id of the invoice it resembles', () => {
    const near: InvoiceException = {
      reason: 'NEAR_DUPLICATE',
      detail: 'similar',
      duplicateOf: 'INV-4000',
      why: { similarity: { rule: 'prefix' }, numbers: ['A1234', 'A1234B'], daysApart: 2 },
    };
    expect(exceptionEventFields(near).duplicateOfInvoiceId).toBe('INV-4000');
  });

  it('a PRICE_VARIANCE › carries the variance amount and percent at 4 places', () => {
    const fields = exceptionEventFields(priceVariance('1.70100000', '2.0012'));
    expect(fields.varianceAmount?.amount.toString()).toBe('1.7010');
    expect(fields.varianceAmount?.currency).toBe('USD');
    expect(fields.variancePercent?.toString()).toBe('2.0012');
    expect(fields.duplicateOfInvoiceId).toBeNull();
  });

  it('a percentage beyond what decimal(9, 4) holds › is capped at 99999.9999', () => {
    expect(exceptionEventFields(priceVariance('100', '999900.0000')).variancePercent?.toString()).toBe('99999.9999');
  });

  it('a variance against a zero expected amount › has no percentage', () => {
    expect(exceptionEventFields(priceVariance('1', null)).variancePercent).toBeNull();
  });

  it('a QUANTITY_VARIANCE › carries the variance too', () => {
    const fields = exceptionEventFields({ reason: 'QUANTITY_VARIANCE', detail: 'over', lines: [], variance: { amount: usd('17.0000'), percent: d('20') } });
    expect(fields.varianceAmount).toEqual(usd('17.0000'));
    expect(fields.variancePercent?.toString()).toBe('20.0000');
  });

  it.each([
    { reason: 'UNKNOWN_PO', detail: 'x', unknownPoLines: [] },
    { reason: 'CLOSED_PO', detail: 'x', poStatus: 'CLOSED' },
    { reason: 'SUPPLIER_ON_HOLD', detail: 'x', supplierStatus: 'ON_HOLD' },
  ] as InvoiceException[])('a $reason › carries neither duplicate nor variance', (exception) => {
    expect(exceptionEventFields(exception)).toEqual({ reason: exception.reason, detail: 'x', duplicateOfInvoiceId: null, varianceAmount: null, variancePercent: null });
  });
});
