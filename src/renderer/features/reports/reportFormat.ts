import { currencyDigits, formatMoney } from '../../../shared/money';

export const dash = '—';

export function money(minor: number | null, currency: string): string {
  return minor === null ? dash : formatMoney(minor, currency);
}

export function percent(value: number | null): string {
  return value === null ? dash : `${(value * 100).toFixed(1)}%`;
}

export function days(value: number | null): string {
  return value === null ? dash : Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function count(value: number): string {
  return value.toLocaleString();
}

/** Axis ticks: "$1.2k" style for chart axes, from minor units of the currency's own size (JPY 0, KWD 3 decimals). */
export function compactMoney(minor: number, currency: string, locale?: string): string {
  // Display only (an axis tick): the one place a float division of money is fine.
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(minor / 10 ** currencyDigits(currency));
}
