import { dayNumber, daysApart } from './calendar-date';

describe('calendar dates', () => {
  it('counts days across months and leap years, either way round', () => {
    expect(daysApart('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysApart('2025-03-01', '2025-02-28')).toBe(1);
    expect(daysApart('2025-06-06', '2025-06-06')).toBe(0);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-6-6', '06/06/2025', '2025-06-06T00:00:00Z'])('%s › is not a calendar date', (text) => {
    expect(dayNumber(text)).toBeNull();
    expect(daysApart(text, '2025-06-06')).toBeNull();
  });
});
