import { Decimal } from '@procurelink/canonical-schemas';
import { parsePoSyncDecisionConfig, type PoSyncConfigResult } from './po-sync-config';

function configOf(result: PoSyncConfigResult) {
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { tolerance: result.config.overReceiptTolerancePercent.toString(), shelfLife: result.config.minRemainingShelfLifeDays };
}

describe('parsePoSyncDecisionConfig', () => {
  it('when nothing is set › allows no over-receipt and refuses only expired lots', () => {
    expect(configOf(parsePoSyncDecisionConfig({}))).toEqual({ tolerance: '0', shelfLife: 0 });
  });

  it('when a variable is blank › uses its default', () => {
    expect(configOf(parsePoSyncDecisionConfig({ PO_OVER_RECEIPT_TOLERANCE_PERCENT: '  ', PO_MIN_REMAINING_SHELF_LIFE_DAYS: '' }))).toEqual({
      tolerance: '0',
      shelfLife: 0,
    });
  });

  it('when both are set › keeps the tolerance as an exact decimal', () => {
    const result = parsePoSyncDecisionConfig({ PO_OVER_RECEIPT_TOLERANCE_PERCENT: ' 2.5 ', PO_MIN_REMAINING_SHELF_LIFE_DAYS: '90' });
    expect(configOf(result)).toEqual({ tolerance: '2.5', shelfLife: 90 });
    expect(result.ok && Decimal.isDecimal(result.config.overReceiptTolerancePercent)).toBe(true);
  });

  it('when the tolerance is exactly 100 › accepts it', () => {
    expect(configOf(parsePoSyncDecisionConfig({ PO_OVER_RECEIPT_TOLERANCE_PERCENT: '100.00' })).tolerance).toBe('100.00');
  });

  it.each(['abc', '-1', '100.01', '1e2', '5%', '.5'])('when PO_OVER_RECEIPT_TOLERANCE_PERCENT is %s › names the variable and says what is expected', (value) => {
    expect(parsePoSyncDecisionConfig({ PO_OVER_RECEIPT_TOLERANCE_PERCENT: value })).toEqual({
      ok: false,
      problems: [`PO_OVER_RECEIPT_TOLERANCE_PERCENT=${value}: must be a plain decimal percentage from 0 to 100, such as 0 or 2.5`],
    });
  });

  it.each(['-1', '1.5', 'thirty', '3651'])('when PO_MIN_REMAINING_SHELF_LIFE_DAYS is %s › names the variable and says what is expected', (value) => {
    expect(parsePoSyncDecisionConfig({ PO_MIN_REMAINING_SHELF_LIFE_DAYS: value })).toEqual({
      ok: false,
      problems: [`PO_MIN_REMAINING_SHELF_LIFE_DAYS=${value}: must be a whole number of days from 0 to 3650`],
    });
  });

  it('when both are wrong › reports both at once', () => {
    const result = parsePoSyncDecisionConfig({ PO_OVER_RECEIPT_TOLERANCE_PERCENT: 'lots', PO_MIN_REMAINING_SHELF_LIFE_DAYS: 'soon' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.split('=')[0])).toEqual([
      'PO_OVER_RECEIPT_TOLERANCE_PERCENT',
      'PO_MIN_REMAINING_SHELF_LIFE_DAYS',
    ]);
  });
});
