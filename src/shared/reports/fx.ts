import { currencyDigits, formatMinorPlain } from '../money';

/** A rate as typed: base-currency units per one unit of the foreign currency ("1.0845"). */
export const rateText = /^\d{1,9}(\.\d{1,10})?$/;

type ExactRate = { numerator: bigint; denominator: bigint };

/** Parses a decimal rate exactly (no float): "1.0845" -> 10845 / 10000. */
export function parseRate(text: string): ExactRate | undefined {
  const trimmed = text.trim();
  if (!rateText.test(trimmed)) return undefined;
  const [whole = '0', frac = ''] = trimmed.split('.');
  const numerator = BigInt(whole + frac);
  if (numerator === 0n) return undefined;
  return { numerator, denominator: 10n ** BigInt(frac.length) };
}

function divideHalfEvenBig(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = an / ad;
  const twice = (an % ad) * 2n;
  const rounded = twice > ad || (twice === ad && q % 2n === 1n) ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * Converts minor units of `from` into minor units of `base` at `rate` (base units per 1 `from`),
 * exactly, rounded half to even: amount / 10^dFrom * rate * 10^dBase.
 */
export function convertMinor(amountMinor: number, from: string, base: string, rate: ExactRate): number {
  const scaleFrom = 10n ** BigInt(currencyDigits(from));
  const scaleBase = 10n ** BigInt(currencyDigits(base));
  return Number(divideHalfEvenBig(BigInt(amountMinor) * rate.numerator * scaleBase, rate.denominator * scaleFrom));
}

/** Rates by "CUR|YYYY-MM". */
export type RateTable = ReadonlyMap<string, ExactRate>;

export function rateKey(currency: string, month: string): string {
  return `${currency}|${month}`;
}

/** Amounts left out for want of a rate, grouped by currency and month. */
export type Missing = { currency: string; month: string; count: number; amountMinor: number };

/**
 * Converts amounts to the base currency, remembering what could not be converted. Base-currency
 * amounts need no rate; any other amount without its month's rate is left out (never summed as base).
 */
export class Converter {
  private readonly missing = new Map<string, Missing>();

  constructor(
    readonly base: string,
    private readonly rates: RateTable,
  ) {}

  /** Base minor units, or undefined (and a warning entry) when the month has no rate. */
  convert(amountMinor: number, currency: string, month: string, records = 1): number | undefined {
    if (currency === this.base) return amountMinor;
    const rate = this.rates.get(rateKey(currency, month));
    if (rate) return convertMinor(amountMinor, currency, this.base, rate);
    // records = 0: a companion amount (a left-out payment's fee) that is not listed again.
    if (records === 0) return undefined;
    const key = rateKey(currency, month);
    const entry = this.missing.get(key) ?? { currency, month, count: 0, amountMinor: 0 };
    entry.count += records;
    entry.amountMinor += amountMinor;
    this.missing.set(key, entry);
    return undefined;
  }

  /** One line per currency and month with amounts left out. */
  get warnings(): string[] {
    return [...this.missing.values()]
      .sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month))
      .map(
        (m) =>
          `No ${m.currency} rate for ${m.month}: ${m.count} amount${m.count === 1 ? '' : 's'} left out (${formatMinorPlain(m.amountMinor, m.currency)} ${m.currency})`,
      );
  }
}
