import { d } from './decision-fixtures.fixture.spec';
import { isPriceWithinTolerance, quantityLimit, resolveTolerance, type Tolerance, type ToleranceSettings } from './tolerance';

const defaults: Tolerance = { pricePercent: d('2'), priceAbsolute: d('0.50'), quantityPercent: d('0') };
const settings: ToleranceSettings = {
  defaults,
  facilityOverrides: {
    'FAC-02': { pricePercent: d('5') },
    'FAC-03': { priceAbsolute: null, quantityPercent: d('10') },
  },
};

describe('resolveTolerance', () => {
  it('a facility without an override › gets the defaults', () => {
    expect(resolveTolerance(settings, 'FAC-01')).toBe(defaults);
  });

  it('a facility overriding the price percentage › keeps the other defaults', () => {
    expect(resolveTolerance(settings, 'FAC-02')).toEqual({ pricePercent: d('5'), priceAbsolute: d('0.50'), quantityPercent: d('0') });
  });

  it('a facility clearing the absolute price limit and widening quantity › gets exactly that', () => {
    expect(resolveTolerance(settings, 'FAC-03')).toEqual({ pricePercent: d('2'), priceAbsolute: null, quantityPercent: d('10') });
  });

  it.each(['__proto__', 'constructor', 'toString'])('a facility id like %s › gets the defaults, not an inherited property', (facilityId) => {
    expect(resolveTolerance(settings, facilityId)).toBe(defaults);
  });
});

describe('isPriceWithinTolerance (PO unit price 100.0000)', () => {
  const po = d('100.0000');
  const within = (invoiced: string, tolerance: Partial<Tolerance>) =>
    isPriceWithinTolerance(d(invoiced), po, { pricePercent: null, priceAbsolute: null, quantityPercent: d('0'), ...tolerance });

  it('at or below the PO price › always within, even with no limit', () => {
    expect(within('100.0000', {})).toBe(true);
    expect(within('50.0000', {})).toBe(true);
  });

  it('above the PO price with no limit configured › not within', () => {
    expect(within('100.0001', {})).toBe(false);
  });

  it('2 % tolerance › exactly 2 % over is within, 0.0001 more is not', () => {
    expect(within('102.0000', { pricePercent: d('2') })).toBe(true);
    expect(within('102.0001', { pricePercent: d('2') })).toBe(false);
  });

  it('0.05 absolute tolerance › exactly 0.05 over is within, 0.0001 more is not', () => {
    expect(within('100.0500', { priceAbsolute: d('0.05') })).toBe(true);
    expect(within('100.0501', { priceAbsolute: d('0.05') })).toBe(false);
  });

  it('both limits › the stricter decides', () => {
    expect(within('100.0600', { pricePercent: d('2'), priceAbsolute: d('0.05') })).toBe(false);
    expect(within('101.0000', { pricePercent: d('0.5'), priceAbsolute: d('5') })).toBe(false);
    expect(within('100.0500', { pricePercent: d('2'), priceAbsolute: d('0.05') })).toBe(true);
  });

  it('a zero PO price › any charge exceeds a percentage', () => {
    expect(isPriceWithinTolerance(d('0.0100'), d('0'), { ...defaults, priceAbsolute: null })).toBe(false);
  });
});

describe('quantityLimit', () => {
  it.each([
    ['10', '0', '10'],
    ['10', '10', '11'],
    ['3', '2.5', '3.075'],
    ['0', '10', '0'],
    ['-2', '10', '0'],
  ])('%s received with %s %% tolerance › at most %s', (base, percent, limit) => {
    expect(quantityLimit(d(base), d(percent)).equals(d(limit))).toBe(true);
  });
});
