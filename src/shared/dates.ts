import { differenceInCalendarDays, format, isValid, parse } from 'date-fns';

const isoPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!isoPattern.test(text)) return false;
  const parsed = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === text;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function fromIsoDate(text: string): Date {
  return parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return differenceInCalendarDays(fromIsoDate(toIso), fromIsoDate(fromIso));
}

/** "2026-08" for "2026-08-14". */
export function monthOf(isoDay: string): string {
  return isoDay.slice(0, 7);
}
