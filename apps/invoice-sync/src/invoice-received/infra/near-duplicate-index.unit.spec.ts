import { Decimal } from '@procurelink/canonical-schemas';
import { nearIndexAmount } from './near-duplicate-index';

const money = (amount: string, currency = 'USD') => ({ amount: Decimal.parse(amount), currency });

describe('nearIndexAmount', () => {
  it.each([
    ['185', '185.00', 'USD', ' usd '],
    ['0', '0.000', 'EUR', 'EUR'],
    ['-12.5', '-12.50', 'USD', 'usd'],
    ['1000', '1000.0000', 'USD', 'USD'],
  ])('%s and %s (%s, %s) › one index entry: the amounts are equal', (a, b, c1, c2) => {
    expect(nearIndexAmount(money(a, c1))).toBe(nearIndexAmount(money(b, c2)));
  });

  it.each([
    ['185', '18.5'],
    ['100', '10'],
    ['-1', '1'],
    ['0.1', '0.01'],
  ])('%s and %s › different entries: the amounts differ', (a, b) => {
    expect(nearIndexAmount(money(a))).not.toBe(nearIndexAmount(money(b)));
  });

  it('the same amount in another currency › another entry', () => {
    expect(nearIndexAmount(money('185.00', 'USD'))).not.toBe(nearIndexAmount(money('185.00', 'CAD')));
  });
});
