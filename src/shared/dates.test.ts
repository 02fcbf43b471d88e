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
      fc.property(
        fc.date({ min: new Date(1900, 0, 1), max: new Date(2200, 0, 1), noInvalidDate: true }),
        fc.integer({ min: -2000, max: 2000 }),
        (date, offset) => {
          const iso = format(date, 'yyyy-MM-dd');
          expect(isIsoDate(iso)).toBe(true);
          expect(toIsoDate(fromIsoDate(iso))).toBe(iso);
          const other = new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
          expect(daysBetween(iso, toIsoDate(other))).toBe(differenceInCalendarDays(other, fromIsoDate(iso)));
        },
      ),
    );
  });

  it('reads days by hand exactly as the regex and Date.UTC reference did', () => {
    // The reference: the pattern and the month's length from Date.UTC (years 1–99 map to 1901–1999
    // there, which has the same leap years).
    const reference = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
    };
    for (const leap of [
      '1900-02-29',
      '2000-02-29',
      '2100-02-29',
      '2400-02-29',
      '0004-02-29',
      '0001-01-01',
      '0000-01-01',
      '9999-12-31',
    ]) {
      expect(isIsoDate(leap), leap).toBe(reference(leap));
    }
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const noisy = fc.string({
      unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', 'a', '\n', '٣'),
      minLength: 8,
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(shaped, noisy), (text) => {
        expect(isIsoDate(text)).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
