import { format } from 'date-fns';

const dayMs = 86_400_000;

// Hot path (imports, seeding, rollups): YYYY-MM-DD is read by hand, a character at a time; date-fns
// `parse` and even a regex with `new Date` for the month's length cost a million-row import seconds
// (figures: docs/performance.md).
const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** The number written by the digits text[from, to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digit(text, i);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isoParts(text: string): [number, number, number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year < 0 || month < 0 || day < 0 ? undefined : [year, month, day];
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, proleptic Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthDays[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** A real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const parts = isoParts(text);
  if (!parts) return false;
  const [year, month, day] = parts;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Local midnight of an ISO day. */
export function fromIsoDate(text: string): Date {
  const parts = isoParts(text);
  if (!parts) return new Date(Number.NaN);
  return new Date(parts[0], parts[1] - 1, parts[2]);
}

function epochDay(text: string): number {
  const parts = isoParts(text);
  if (!parts) return Number.NaN;
  return Date.UTC(parts[0], parts[1] - 1, parts[2]) / dayMs;
}

/** Calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return epochDay(toIso) - epochDay(fromIso);
}
