import { canonicalAmount, invoiceBusinessKey } from './business-key';
import { d, usd } from './decision-fixtures.fixture.spec';

const key = (invoiceNumber: string, amount: string, currency = 'USD', supplierId = 'SUP-1') =>
  invoiceBusinessKey({ supplierId, invoiceNumber, total: usd(amount, currency) });

describe('invoiceBusinessKey', () => {
  it('is supplier, normalised number, amount and currency', () => {
    expect(key('inv-00123', '185.5000')).toBe('invoice:SUP-1:INV123:185.5:USD');
  });

  it('the same invoice written differently › the same key', () => {
    expect(key('INV 123', '185.50', 'usd')).toBe(key('inv-00123', '185.5000'));
  });

  it('another amount, currency, number or supplier › another key', () => {
    const base = key('INV123', '185.50');
    expect(new Set([base, key('INV123', '185.51'), key('INV123', '185.50', 'EUR'), key('INV124', '185.50'), key('INV123', '185.50', 'USD', 'SUP-2')]).size).toBe(5);
  });

  it('a ":" inside a supplier id › cannot collide with another split of the parts', () => {
    expect(key('123', '1', 'USD', 'SUP:INV')).not.toBe(key('INV123', '1', 'USD', 'SUP'));
    expect(key('123', '1', 'USD', 'SUP:INV')).toBe('invoice:SUP%3AINV:123:1:USD');
  });
});

describe('canonicalAmount', () => {
  it.each([
    ['76.4550', '76.455'],
    ['100.00', '100'],
    ['0.0000', '0'],
    ['-8.4950', '-8.495'],
    ['1200', '1200'],
  ])('%s → %s', (amount, text) => {
    expect(canonicalAmount(d(amount))).toBe(text);
  });
});
