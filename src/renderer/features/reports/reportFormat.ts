import { formatMoney } from '../../../shared/money';
import { dash } from '../../../shared/reports/format';

export { dash, days, percent } from '../../../shared/reports/format';

export function money(minor: number | null, currency: string): string {
  return minor === null ? dash : formatMoney(minor, currency);
}

export function count(value: number): string {
  return value.toLocaleString();
}

/** Axis ticks: "$1.2k" style for chart axes, from minor units. */
export function compactMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(minor / 100);
}
