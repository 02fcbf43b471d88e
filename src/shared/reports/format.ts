import { formatMinorPlain } from '../money';

// Report cells as text, the same in the Reports page and the CLI table; a missing metric is a dash.
export const dash = '—';

/** 0.1234 -> "12.3%". */
export function percent(value: number | null): string {
  return value === null ? dash : `${(value * 100).toFixed(1)}%`;
}

/** Days: whole numbers as they are, else one decimal. */
export function days(value: number | null): string {
  return value === null ? dash : Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Exact amount with thousands separators and no symbol, locale-free: -123456750 USD -> "-1,234,567.50". */
export function groupedAmount(minor: number | null, currency: string): string {
  if (minor === null) return dash;
  const [whole = '', frac] = formatMinorPlain(minor, currency).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** Hours to one decimal ("12.5"); whole hours bare; a dash when missing. */
export function hours(value: number | null): string {
  if (value === null) return dash;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
