import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../../shared/dates';
import { currencyDigits, formatMoney } from '../../shared/money';

// The day format chosen in Settings: a date-fns pattern, or "locale" for the OS locale's own.
let dayPattern = 'd MMM yyyy';
const localeDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function setDayPattern(pattern: string): void {
  dayPattern = pattern;
}

/** "14 Aug 2026" for "2026-08-14" (or the format chosen in Settings). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = fromIsoDate(iso);
  return dayPattern === 'locale' ? localeDay.format(date) : format(date, dayPattern);
}

/** "14 Aug" in the current year, "14 Aug 2025" otherwise: compact, for cards. */
export function formatShortDay(iso: string, today = new Date()): string {
  const date = fromIsoDate(iso);
  return format(date, date.getFullYear() === today.getFullYear() ? 'd MMM' : 'd MMM yyyy');
}

/** "14 Aug 2026, 09:30" for an ISO timestamp, in local time. */
export function formatDateTime(timestamp: string): string {
  return format(parseISO(timestamp), 'd MMM yyyy, HH:mm');
}

export function formatValue(minor: number | null, currency: string): string {
  return minor === null ? '' : formatMoney(minor, currency);
}

export function todayLocal(): string {
  return toIsoDate(new Date());
}

/** Days from today to `iso` (negative when past). */
export function daysFromToday(iso: string): number {
  return differenceInCalendarDays(fromIsoDate(iso), new Date());
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

const wholeFormats = new Map<string, Intl.NumberFormat>();

/** "$1,250" for 125000 USD; cents are kept when there are any ("$1,250.50"). For cards and totals. */
export function formatValueShort(minor: number | null, currency: string): string {
  if (minor === null) return '';
  const digits = currencyDigits(currency);
  if (minor % 10 ** digits !== 0) return formatMoney(minor, currency);
  let format = wholeFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    wholeFormats.set(currency, format);
  }
  return format.format(minor / 10 ** digits);
}
