import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalEvidence, parseAmount } from './amounts';
import { guessDateFormat, parseDate } from './dates';
import { escapeFormula, textCell, unescapeFormula } from './escape';
import { headerKey, headerSignature } from './headers';

describe('formula escaping', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@me', "'@me"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['plain', 'plain'],
    // Full-width triggers (U+FF1D U+FF0B U+FF0D U+FF20): a CJK-locale spreadsheet evaluates them too.
    ['\uFF1DSUM(A1)', "'\uFF1DSUM(A1)"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0Dx', "'\uFF0Dx"],
    ['\uFF20me', "'\uFF20me"],
    ["'\uFF1Dx", "''\uFF1Dx"],
    ['a\uFF1D1', 'a\uFF1D1'],
    ['\uFF1E1', '\uFF1E1'],
  ])('%j -> %j', (input, escaped) => {
    expect(escapeFormula(input)).toBe(escaped);
    expect(unescapeFormula(escaped)).toBe(input);
  });

  it('unescape is the exact inverse of escape for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => unescapeFormula(escapeFormula(s)) === s));
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('amounts', () => {
  it.each([
    ['1,234.56', '.', 'USD', 123456],
    ['(12.00)', '.', 'USD', -1200],
    ['-12.00', '.', 'USD', -1200],
    ['$12', '.', 'USD', 1200],
    ['-$1,000', '.', 'USD', -100000],
    ['12.00-', '.', 'USD', -1200],
    ['12 USD', '.', 'USD', 1200],
    ['1.234,56', ',', 'EUR', 123456],
    ['€ 12,5', ',', 'EUR', 1250],
    ['1 234,56', ',', 'EUR', 123456],
    ['1000', '.', 'JPY', 1000],
    ['0.125', '.', 'KWD', 125],
  ] as const)('%s (%s, %s) = %d', (text, decimal, currency, minor) => {
    expect(parseAmount(text, currency, decimal)).toEqual({ ok: true, minor });
  });

  it.each([
    ['10.005', 'USD', /USD has 2 decimals; "10.005" has 3/],
    ['100.5', 'JPY', /JPY has 0 decimals/],
    ['1,23.45', 'USD', /not an amount/],
    ['abc', 'USD', /not an amount/],
    ['', 'USD', /empty/],
  ])('%s in %s is invalid, never rounded', (text, currency, message) => {
    const r = parseAmount(text, currency);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('a cell tells the decimal separator only when one reading works (the file decides, never the cell)', () => {
    expect(decimalEvidence('250,00')).toBe(',');
    expect(decimalEvidence('1,250.00')).toBe('.');
    expect(decimalEvidence('542.5')).toBe('.');
    expect(decimalEvidence('1.234,56')).toBe(',');
    expect(decimalEvidence('1,234')).toBe('ambiguous');
    expect(decimalEvidence('-1000')).toBe('neutral');
    expect(decimalEvidence('abc')).toBe('none');
  });
});

describe('dates in a chosen format', () => {
  it.each([
    ['2026-09-25', 'YYYY-MM-DD', '2026-09-25'],
    ['9/25/2026', 'MM/DD/YYYY', '2026-09-25'],
    ['25/09/2026', 'DD/MM/YYYY', '2026-09-25'],
    ['25.09.2026', 'DD.MM.YYYY', '2026-09-25'],
    ['Sep 25, 2026', 'MMM D, YYYY', '2026-09-25'],
    ['25 Sep 2026', 'D MMM YYYY', '2026-09-25'],
    ['2026-09-25 14:03:11', 'YYYY-MM-DD', '2026-09-25'],
    ['9/25/2026 10:00 AM', 'MM/DD/YYYY', '2026-09-25'],
  ] as const)('%s as %s', (text, format, iso) => {
    expect(parseDate(text, format)).toBe(iso);
  });

  it('rejects impossible days and the wrong format', () => {
    expect(parseDate('2026-02-30', 'YYYY-MM-DD')).toBeUndefined();
    expect(parseDate('25/09/2026', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseDate('Sept 31, 2026', 'MMM D, YYYY')).toBeUndefined();
  });

  it('guesses the format that reads every sample', () => {
    expect(guessDateFormat(['25/09/2026', '01/10/2026'])).toBe('DD/MM/YYYY');
    expect(guessDateFormat(['09/25/2026'])).toBe('MM/DD/YYYY');
  });
});

describe('headers', () => {
  it('compares case-, space-, underscore- and hyphen-insensitively', () => {
    expect(headerKey('\uFEFF Transaction  Type')).toBe('transactiontype');
    expect(headerKey('created_on')).toBe(headerKey('Created On'));
    expect(headerSignature(['A b', 'C'])).toBe('ab|c');
  });
});
