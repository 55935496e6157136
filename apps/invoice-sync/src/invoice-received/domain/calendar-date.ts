import type { CalendarDate } from '@procurelink/canonical-schemas';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date "YYYY-MM-DD", or null (2025-02-30 is not a date). */
export function dayNumber(date: CalendarDate): number | null {
  const match = CALENDAR_DATE.exec(date);
  if (match === null) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

/** Whole days between two calendar dates, whichever comes first; null when either is not a date. */
export function daysApart(a: CalendarDate, b: CalendarDate): number | null {
  const x = dayNumber(a);
  const y = dayNumber(b);
  return x === null || y === null ? null : Math.abs(x - y);
}
