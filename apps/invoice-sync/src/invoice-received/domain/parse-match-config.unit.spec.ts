import { d } from './decision-fixtures.fixture.spec';
import { DEFAULT_MATCH_CONFIG } from './match-config';
import { parseMatchConfig, type MatchConfigEnv, type MatchConfigResult } from './parse-match-config';

function configOf(env: MatchConfigEnv) {
  const result = parseMatchConfig(env);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join('; ')}`);
  return result.config;
}

function problemsOf(env: MatchConfigEnv): readonly string[] {
  const result: MatchConfigResult = parseMatchConfig(env);
  return result.ok ? [] : result.problems;
}

describe('parseMatchConfig', () => {
  it('with nothing set › takes the defaults: 2 % price, no absolute limit, 0 % quantity, 72 h wait, 30-day window', () => {
    const config = configOf({});
    expect(config).toEqual(DEFAULT_MATCH_CONFIG);
    expect(config.tolerance.defaults.pricePercent?.toString()).toBe('2');
    expect(config.tolerance.defaults.priceAbsolute).toBeNull();
    expect(config.receiptWaitHours).toBe(72);
    expect(config.nearDuplicateWindowDays).toBe(30);
  });

  it('INVOICE_RECEIPT_WAIT_SECONDS › wins over the hours, as a fraction of an hour', () => {
    const config = configOf({ INVOICE_RECEIPT_WAIT_HOURS: '24', INVOICE_RECEIPT_WAIT_SECONDS: '5' });
    expect(config.receiptWaitHours * 3_600_000).toBeCloseTo(5000, 6);
    expect(problemsOf({ INVOICE_RECEIPT_WAIT_SECONDS: '1.5' })).toEqual([
      'INVOICE_RECEIPT_WAIT_SECONDS=1.5: must be a whole number from 0 to 999999',
    ]);
  });

  it('blank values › take the defaults too', () => {
    expect(configOf({ INVOICE_PRICE_TOLERANCE_PERCENT: '  ', INVOICE_RECEIPT_WAIT_HOURS: '' })).toEqual(DEFAULT_MATCH_CONFIG);
  });

  it('reads every variable', () => {
    const config = configOf({
      INVOICE_PRICE_TOLERANCE_PERCENT: '2.5',
      INVOICE_PRICE_TOLERANCE_ABSOLUTE: '0.05',
      INVOICE_QTY_TOLERANCE_PERCENT: '1',
      INVOICE_RECEIPT_WAIT_HOURS: '24',
      INVOICE_NEAR_DUPLICATE_WINDOW_DAYS: '14',
      INVOICE_ROUNDING_ALLOWANCE: '0.02',
      INVOICE_TOLERANCE_OVERRIDES: '{"FAC-02":{"pricePercent":"5"},"FAC-03":{"priceAbsolute":null,"quantityPercent":"10"}}',
    });
    expect(config.tolerance.defaults).toEqual({ pricePercent: d('2.5'), priceAbsolute: d('0.05'), quantityPercent: d('1') });
    expect(config.tolerance.facilityOverrides).toEqual({
      'FAC-02': { pricePercent: d('5') },
      'FAC-03': { priceAbsolute: null, quantityPercent: d('10') },
    });
    expect(config.receiptWaitHours).toBe(24);
    expect(config.nearDuplicateWindowDays).toBe(14);
    expect(config.roundingAllowance).toEqual(d('0.02'));
  });

  it('"none" for a price limit › turns that limit off', () => {
    expect(configOf({ INVOICE_PRICE_TOLERANCE_PERCENT: 'none' }).tolerance.defaults.pricePercent).toBeNull();
  });

  it('0 for the wait and the window › accepted (no wait, same-day near duplicates only)', () => {
    const config = configOf({ INVOICE_RECEIPT_WAIT_HOURS: '0', INVOICE_NEAR_DUPLICATE_WINDOW_DAYS: '0' });
    expect([config.receiptWaitHours, config.nearDuplicateWindowDays]).toEqual([0, 0]);
  });

  describe('with wrong values › reports each problem naming its variable', () => {
    it.each([
      ['INVOICE_PRICE_TOLERANCE_PERCENT', '-1'],
      ['INVOICE_PRICE_TOLERANCE_PERCENT', '2%'],
      ['INVOICE_PRICE_TOLERANCE_ABSOLUTE', '1e-2'],
      ['INVOICE_QTY_TOLERANCE_PERCENT', 'none'],
      ['INVOICE_RECEIPT_WAIT_HOURS', '1.5'],
      ['INVOICE_RECEIPT_WAIT_HOURS', '-3'],
      ['INVOICE_NEAR_DUPLICATE_WINDOW_DAYS', 'thirty'],
      ['INVOICE_ROUNDING_ALLOWANCE', 'abc'],
    ])('%s=%s', (name, value) => {
      const problems = problemsOf({ [name]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}=${value.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}: must be`));
    });

    it('all at once', () => {
      expect(problemsOf({ INVOICE_PRICE_TOLERANCE_PERCENT: 'x', INVOICE_RECEIPT_WAIT_HOURS: 'y', INVOICE_TOLERANCE_OVERRIDES: '[' })).toHaveLength(3);
    });
  });

  describe('INVOICE_TOLERANCE_OVERRIDES', () => {
    it.each([
      ['not JSON', '{FAC-02: 5}', /^INVOICE_TOLERANCE_OVERRIDES: must be a JSON object/],
      ['an array', '[]', /^INVOICE_TOLERANCE_OVERRIDES: must be a JSON object of facility id/],
      ['a facility that is not an object', '{"FAC-02":"5"}', /facility "FAC-02": must be an object/],
      ['a number instead of a decimal string', '{"FAC-02":{"pricePercent":5}}', /facility "FAC-02": pricePercent must be .* got the number 5 \(write it as a string: "5"\)/],
      ['a negative percentage', '{"FAC-02":{"pricePercent":"-5"}}', /pricePercent must be a non-negative decimal string/],
      ['an unknown field', '{"FAC-02":{"pricePct":"5"}}', /facility "FAC-02": unknown field "pricePct"/],
      ['a null quantity percentage', '{"FAC-02":{"quantityPercent":null}}', /quantityPercent must be a non-negative decimal string/],
      ['a blank facility id', '{" ":{"pricePercent":"5"}}', /a facility id must not be blank/],
    ])('%s › is refused', (_, raw, message) => {
      const problems = problemsOf({ INVOICE_TOLERANCE_OVERRIDES: raw });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    });

    it('a facility named __proto__ › is an ordinary facility, not the prototype', () => {
      const overrides = configOf({ INVOICE_TOLERANCE_OVERRIDES: '{"__proto__":{"pricePercent":"9"}}' }).tolerance.facilityOverrides;
      expect(Object.getPrototypeOf(overrides)).toBe(Object.prototype);
      expect(Object.hasOwn(overrides, '__proto__')).toBe(true);
    });
  });
});
