import { parseMoney } from '../money';

export type DecimalSeparator = '.' | ',';

export type AmountParse = { ok: true; minor: number } | { ok: false; message: string };

// Currency symbols and codes allowed around an amount ("$12", "12 USD", "€ 1.234,56").
const symbols = /^[$€£¥₹₩₽₺₪₫฿]|[$€£¥₹₩₽₺₪₫฿]$/;
const code = /^[A-Z]{3}\s*|\s*[A-Z]{3}$/;

/**
 * Parses a spreadsheet amount into minor units: "1,234.56", "(12.00)", "-12.00", "$12", "12-",
 * or with `decimal` ',' "1.234,56". More decimals than the currency has is an error, never rounded.
 */
const patterns: Record<DecimalSeparator, RegExp> = {
  '.': /^(\d{1,3}(?:[,\s\u00a0\u202f']\d{3})+|\d+)(?:\.(\d+))?$/,
  ',': /^(\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+|\d+)(?:,(\d+))?$/,
};
const plain = /^-?\d+(?:\.\d+)?$/;

export function parseAmount(text: string, currency: string, decimal: DecimalSeparator = '.'): AmountParse {
  // Fast path: what our own export writes.
  if (decimal === '.' && plain.test(text)) return parseMoney(text, currency);
  let s = text.trim();
  if (s === '') return { ok: false, message: 'is empty' };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // A sign may stand before or after a currency symbol: "-$12", "$-12".
  for (let i = 0; i < 2; i++) {
    if (s.startsWith('-') || s.startsWith('+') || s.startsWith('\u2212')) {
      if (s[0] !== '+') negative = !negative;
      s = s.slice(1).trim();
    } else if (s.endsWith('-')) {
      negative = !negative;
      s = s.slice(0, -1).trim();
    }
    s = s.replace(symbols, '').replace(code, '').trim();
  }
  const match = patterns[decimal].exec(s);
  if (!match) return { ok: false, message: `"${text}" is not an amount` };
  const whole = match[1]!.replace(/\D/g, '');
  const frac = match[2];
  const parsed = parseMoney(`${negative ? '-' : ''}${whole}${frac === undefined ? '' : `.${frac}`}`, currency);
  return parsed.ok ? parsed : { ok: false, message: parsed.message.replace(/"[^"]*"/, `"${text.trim()}"`) };
}

/** Guesses the decimal separator of a platform amount with exactly two decimals ("12,50" vs "12.50"). */
export function guessDecimal(text: string): DecimalSeparator {
  return /,\d{1,2}\)?$/.test(text.trim()) && !/\.\d{1,2}\)?$/.test(text.trim()) ? ',' : '.';
}
