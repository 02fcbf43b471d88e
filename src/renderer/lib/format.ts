import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../../shared/dates';
import { currencyDigits, formatMoney } from '../../shared/money';

// The day format chosen in Settings: "locale" (the default: the OS/browser locale's own, through
// Intl) or a date-fns pattern. In Electron, navigator.language is the app locale (app.getLocale()).
let dayPattern = 'locale';
let displayLocale: string | undefined = typeof navigator !== 'undefined' ? navigator.language : undefined;
let localeFormats = localeFormatsFor(displayLocale);

function localeFormatsFor(locale: string | undefined) {
  return {
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
    shortDay: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    dateTime: new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
  };
}

export function setDayPattern(pattern: string): void {
  dayPattern = pattern;
}

/** The locale "locale" dates follow (the browser's by default; tests pin one). */
export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale;
  localeFormats = localeFormatsFor(locale);
}

/** "1 Jul 2026" (en-GB), "Jul 1, 2026" (en-US), "1. Juli 2026" (de-DE), or the pattern chosen in Settings. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = fromIsoDate(iso);
  return dayPattern === 'locale' ? localeFormats.day.format(date) : format(date, dayPattern);
}

/** "14 Aug" in the current year, "14 Aug 2025" otherwise: compact, for cards. */
export function formatShortDay(iso: string, today = new Date()): string {
  const date = fromIsoDate(iso);
  const thisYear = date.getFullYear() === today.getFullYear();
  if (dayPattern === 'locale') return (thisYear ? localeFormats.shortDay : localeFormats.day).format(date);
  return format(date, thisYear ? 'd MMM' : 'd MMM yyyy');
}

/** "14 Aug 2026, 09:30" for an ISO timestamp, in local time (the locale's own order by default). */
export function formatDateTime(timestamp: string): string {
  if (dayPattern === 'locale') return localeFormats.dateTime.format(parseISO(timestamp));
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
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    wholeFormats.set(currency, format);
  }
  return format.format(minor / 10 ** digits);
}
