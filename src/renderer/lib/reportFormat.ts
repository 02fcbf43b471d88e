import { currencyDigits, formatMoney } from '../../shared/money';
import { dash } from '../../shared/reports/format';

export { dash, days, percent } from '../../shared/reports/format';

export function money(minor: number | null, currency: string): string {
  return minor === null ? dash : formatMoney(minor, currency);
}

export function count(value: number): string {
  return value.toLocaleString();
}

/** Axis ticks: "$1.2k" style for chart axes, from minor units of the currency's own size (JPY 0, KWD 3 decimals). */
export function compactMoney(minor: number, currency: string, locale?: string): string {
  // Display only (an axis tick): the one place a float division of money is fine.
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(minor / 10 ** currencyDigits(currency));
}
