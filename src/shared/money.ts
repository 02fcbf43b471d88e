// Money is integer minor units + ISO 4217 code. Parsing goes straight from the
// decimal string to an integer; nothing is ever multiplied as a float.

const knownCurrencies: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'EUR', 'GBP'],
);

// ICU and ISO 4217 disagree on a few minor-unit counts; ISO wins (docs/domain.md §2).
const isoDigitOverrides: Record<string, number> = { HUF: 2, IDR: 2, TWD: 2, PKR: 2, RSD: 2, ISK: 0, UGX: 0, LAK: 2 };

const digitsCache = new Map<string, number>();

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

export function currencyDigits(code: string): number {
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  const digits =
    isoDigitOverrides[code] ??
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ??
    2;
  digitsCache.set(code, digits);
  return digits;
}

/**
 * The largest amount in minor units (10^13: 100 billion dollars), so sums stay exact integers in a
 * double: 900 amounts at the bound still fit under 2^53 ≈ 9·10^15 (docs/domain.md §0).
 */
export const maxMinorUnits = 10 ** 13;

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/** Parses a plain decimal string ("1250.50", "-12", "0.5") into minor units of `currency`. */
export function parseMoney(text: string, currency: string): MoneyParse {
  const trimmed = text.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { ok: false, message: `"${text}" is not an amount like 1250.50` };
  const [, sign, whole = '', frac = ''] = match;
  const digits = currencyDigits(currency);
  if (frac.length > digits) {
    return {
      ok: false,
      message: `${currency} has ${digits} decimal${digits === 1 ? '' : 's'}; "${trimmed}" has ${frac.length}`,
    };
  }
  const minorText = whole + frac.padEnd(digits, '0');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor) || minor > maxMinorUnits)
    return {
      ok: false,
      message: `"${text.trim().slice(0, 40)}" is too large: at most ${formatMinorPlain(maxMinorUnits, currency)}`,
    };
  return { ok: true, minor: sign === '-' && minor !== 0 ? -minor : minor };
}

/** The exact decimal string for minor units: 125050 USD -> "1250.50"; used by CSV export. */
export function formatMinorPlain(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const frac = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

const displayFormats = new Map<string, Intl.NumberFormat>();

/** Locale display: 125050 USD -> "$1,250.50". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let format = displayFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    displayFormats.set(key, format);
  }
  return format.format(Number(formatMinorPlain(minor, currency)));
}

/** Integer division rounded half to even, for money ratios (docs/domain.md §4). */
export function divideHalfEven(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  const twice = remainder * 2;
  let rounded = quotient;
  if (twice > d || (twice === d && quotient % 2 === 1)) rounded = quotient + 1;
  return sign * rounded || 0;
}
