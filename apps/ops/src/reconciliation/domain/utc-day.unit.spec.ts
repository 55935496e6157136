import { dayRange, isUtcDay, previousDay, utcDay } from './utc-day';

describe('UTC days', () => {
  it('reads the UTC day of an instant, whatever its zone', () => {
    expect(utcDay('2026-03-01T23:30:00-02:00')).toBe('2026-03-02');
    expect(utcDay(new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-02');
  });

  it('accepts real calendar days only', () => {
    expect(isUtcDay('2026-02-28')).toBe(true);
    expect(isUtcDay('2028-02-29')).toBe(true);
    expect(isUtcDay('2026-02-29')).toBe(false);
    expect(isUtcDay('2026-3-1')).toBe(false);
    expect(isUtcDay('yesterday')).toBe(false);
  });

  it('spans a day as [start, next start)', () => {
    const { from, to } = dayRange('2026-03-01');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });
});
