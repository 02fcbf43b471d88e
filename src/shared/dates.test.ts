import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differenceInCalendarDays, format } from 'date-fns';
import { daysBetween, fromIsoDate, isIsoDate, toIsoDate } from './dates';

describe('dates', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate(' 2026-01-01')).toBe(false);
  });

  it('agrees with date-fns on every day it formats', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1900, 0, 1), max: new Date(2200, 0, 1), noInvalidDate: true }), fc.integer({ min: -2000, max: 2000 }), (date, offset) => {
        const iso = format(date, 'yyyy-MM-dd');
        expect(isIsoDate(iso)).toBe(true);
        expect(toIsoDate(fromIsoDate(iso))).toBe(iso);
        const other = new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
        expect(daysBetween(iso, toIsoDate(other))).toBe(differenceInCalendarDays(other, fromIsoDate(iso)));
      }),
    );
  });
});
