import { parseMoney } from '../money';

export type DecimalSeparator = '.' | ',';

export type AmountParse = { ok: true; minor: number } | { ok: false; message: string };

// Currency symbols and codes allowed around an amount ("$12", "12 USD", "€ 1.234,56").
const symbols = /^[$€£¥₹₩₽₺₪₫฿]|[$€£¥₹₩₽₺₪₫฿]$/;
const code = /^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$/;

const patterns: Record<DecimalSeparator, RegExp> = {
  '.': /^([1-9]\d{0,2}(?:[,\s\u00a0\u202f']\d{3})+|\d+)(?:\.(\d+))?$/,
  ',': /^([1-9]\d{0,2}(?:[.\s\u00a0\u202f']\d{3})+|\d+)(?:,(\d+))?$/,
};
const plain = /^-?\d+(?:\.\d+)?$/;

type Stripped = { negative: boolean; body: string };

/** Sign, parentheses and currency sign/code taken off: "-$1,234.50" -> { negative, "1,234.50" }. */
function strip(text: string): Stripped | undefined {
  let s = text.trim();
  if (s === '') return undefined;
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
  return { negative, body: s };
}

/** The amount as a plain decimal string ("-1234.56") read with `decimal`, or undefined when it is not one. */
export function normaliseAmount(text: string, decimal: DecimalSeparator): string | undefined {
  const stripped = strip(text);
  if (!stripped) return undefined;
  const match = patterns[decimal].exec(stripped.body);
  if (!match) return undefined;
  const whole = match[1]!.replace(/\D/g, '');
  const frac = match[2];
  return `${stripped.negative ? '-' : ''}${whole}${frac === undefined ? '' : `.${frac}`}`;
}

/**
 * Parses a spreadsheet amount into minor units: "1,234.56", "(12.00)", "-12.00", "$12", "12-",
 * or with `decimal` ',' "1.234,56". More decimals than the currency has is an error, never rounded.
 */
export function parseAmount(text: string, currency: string, decimal: DecimalSeparator = '.'): AmountParse {
  // Fast path: what our own export writes.
  if (decimal === '.' && plain.test(text)) return parseMoney(text, currency);
  if (text.trim() === '') return { ok: false, message: 'is empty' };
  const normal = normaliseAmount(text, decimal);
  if (normal === undefined) return { ok: false, message: `"${text.trim()}" is not an amount` };
  const parsed = parseMoney(normal, currency);
  return parsed.ok ? parsed : { ok: false, message: parsed.message.replace(/"[^"]*"/, `"${text.trim()}"`) };
}

/**
 * What one cell says about the file's decimal separator: '.' or ',' when only that reading works,
 * 'ambiguous' when both work with different values ("1,234"), 'neutral' when both give the same
 * ("12"), 'none' when it is not an amount at all.
 */
export function decimalEvidence(text: string): DecimalSeparator | 'ambiguous' | 'neutral' | 'none' {
  const dot = normaliseAmount(text, '.');
  const comma = normaliseAmount(text, ',');
  if (dot === undefined && comma === undefined) return 'none';
  if (comma === undefined) return '.';
  if (dot === undefined) return ',';
  return dot === comma ? 'neutral' : 'ambiguous';
}
