import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits } from '../money';
import { type DecimalSeparator, decimalEvidence, parseAmount } from './amounts';
import { DateColumn, type DateFormat, dateFormats, formatDate, parseDate } from './dates';

// Round trips through every locale format of docs/domain.md §3: what a spreadsheet writes, we read back.

type Style = {
  decimal: DecimalSeparator;
  group: string;
  sign: 'minus' | 'parens' | 'trailing';
  symbol: string;
  plus: boolean;
};

/** Writes minor units the way a spreadsheet in some locale would. */
function write(minor: number, digits: number, s: Style): string {
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits ? abs.slice(0, -digits) : abs;
  const frac = digits ? abs.slice(-digits) : '';
  const grouped = s.group === '' ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, s.group);
  let text = `${s.symbol}${grouped}${frac ? `${s.decimal}${frac}` : ''}`;
  if (minor < 0) text = s.sign === 'parens' ? `(${text})` : s.sign === 'trailing' ? `${text}-` : `-${text}`;
  else if (s.plus) text = `+${text}`;
  return text;
}

const style = fc
  .record({
    decimal: fc.constantFrom<DecimalSeparator>('.', ','),
    group: fc.constantFrom('', 'sep', ' ', '\u00a0'),
    sign: fc.constantFrom('minus', 'parens', 'trailing'),
    symbol: fc.constantFrom('', '$', '€', '£'),
    plus: fc.boolean(),
  })
  .map((s) => ({ ...s, group: s.group === 'sep' ? (s.decimal === '.' ? ',' : '.') : s.group }) as Style);

describe('amounts, through every locale format', () => {
  it('read back exactly in the separator they were written with', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
        style,
        (minor, currency, s) => {
          const text = write(minor, currencyDigits(currency), s);
          expect(parseAmount(text, currency, s.decimal)).toEqual({ ok: true, minor });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a cell never speaks for the other separator than the one it was written with', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
        style,
        (minor, currency, s) => {
          const evidence = decimalEvidence(write(minor, currencyDigits(currency), s));
          expect([s.decimal, 'ambiguous', 'neutral']).toContain(evidence);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('more decimals than the currency has are refused, never rounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom<DecimalSeparator>('.', ','), (n, decimal) => {
        const text = `${Math.floor(n / 1000)}${decimal}${String(n % 1000).padStart(3, '0')}`;
        expect(parseAmount(text, 'USD', decimal).ok).toBe(false);
      }),
    );
  });
});

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const time = fc.constantFrom('', ' 14:03', ' 02:38:54', 'T10:00:00Z', ' 10:00 AM');

describe('dates, through every format of §3', () => {
  it('any day written in any format (with or without a time) reads back as itself', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...dateFormats), time, (iso, format, t) => {
        const yy = format === 'D-MMM-YY' && iso < '2000-01-01';
        if (yy) return;
        const text = formatDate(iso, format) + (format === 'MMM D, YYYY' && t.startsWith('T') ? '' : t);
        expect(parseDate(text, format)).toBe(iso);
      }),
      { numRuns: 3000 },
    );
  });

  it('a column of days in one format is decided as that format (MM/DD vs DD/MM by the platform when both read)', () => {
    const formats = dateFormats.filter((f) => f !== 'YYYY/MM/DD');
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...formats),
        fc.constantFrom('month-first', 'day-first'),
        (days, format, order) => {
          const column = new DateColumn('Date');
          days.forEach((d, i) => column.add(formatDate(d, format), i + 2));
          const decided = column.decide(order);
          expect(decided.ok).toBe(true);
          if (!decided.ok) return;
          const f = decided.format as DateFormat;
          expect(decided.failing).toBe(0);
          // Whatever was chosen reads every cell as the day that was written, unless the days are all ambiguous.
          const allAmbiguous = days.every((d) => Number(d.slice(8)) <= 12);
          const sep = format.includes('/') ? '/' : '-';
          if (!(allAmbiguous && /^(MM|DD)[/-](MM|DD)[/-]YYYY$/.test(format))) {
            for (const d of days) expect(parseDate(formatDate(d, format), f)).toBe(d);
          } else {
            expect(f).toBe(order === 'month-first' ? `MM${sep}DD${sep}YYYY` : `DD${sep}MM${sep}YYYY`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an own-format column that reads both ways asks, with the lines', () => {
    const column = new DateColumn('created_on');
    column.add('03/02/2026', 2);
    column.add('04/05/2026', 3);
    expect(column.decide('ask')).toEqual({
      ok: false,
      lines: [2, 3],
      message: expect.stringMatching(/read both as MM\/DD\/YYYY and as DD\/MM\/YYYY \(lines 2, 3\)/),
    });
  });
});
