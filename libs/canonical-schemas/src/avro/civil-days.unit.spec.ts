import { daysOfCalendarDate } from './civil-days';

const MILLIS_PER_DAY = 86_400_000;
const isoOf = (days: number): string => new Date(days * MILLIS_PER_DAY).toISOString().slice(0, 10);

describe('daysOfCalendarDate', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-11', 10],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['0000-03-01', -719_468],
    ['9999-12-31', 2_932_896],
  ])('when given %s › is day %d', (text, days) => {
    expect(daysOfCalendarDate(text)).toBe(days);
  });

  it('agrees with the Date round trip on every 37th day from year 0001 to 9999', () => {
    const first = Date.UTC(2001, 0, 1) / MILLIS_PER_DAY - 2000 * 365.2425;
    const last = Date.UTC(9999, 11, 31) / MILLIS_PER_DAY;
    let checked = 0;
    for (let days = Math.ceil(first); days <= last; days += 37) {
      const text = isoOf(days);
      if (Number(text.slice(0, 4)) < 1) continue;
      expect(daysOfCalendarDate(text)).toBe(days);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(90_000);
  });

  it.each(['2027-02-30', '2027-13-01', '2027-00-10', '2027-01-00', '1900-02-29', '2100-02-29', '27-01-01', '2027-1-01', '2027-01-01T00:00:00Z', ' 2027-01-01', ''])(
    'when given "%s" › is null',
    (text) => {
      expect(daysOfCalendarDate(text)).toBeNull();
    },
  );
});
