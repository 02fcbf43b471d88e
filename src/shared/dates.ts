import { format } from 'date-fns';

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

// Hot path (imports, seeding, rollups): YYYY-MM-DD is read by hand; date-fns `parse` is ~100x slower.
function isoParts(text: string): [number, number, number] | undefined {
  const match = isoPattern.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
