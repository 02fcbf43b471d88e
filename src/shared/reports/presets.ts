import { endOfMonth, endOfQuarter, startOfMonth, startOfQuarter, startOfYear, subMonths, addDays } from 'date-fns';
import { toIsoDate } from '../dates';

export const rangePresets = [
  'this-month',
  'last-month',
  'this-quarter',
  'year-to-date',
  'last-12-months',
  'all-time',
  'custom',
] as const;
export type RangePreset = (typeof rangePresets)[number];

export const rangePresetLabels: Record<RangePreset, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'year-to-date': 'Year to date',
  'last-12-months': 'Last 12 months',
  'all-time': 'All time',
  custom: 'Custom',
};

/**
 * The inclusive range of a preset on `today`; `all-time` (and `custom`) give no bounds.
 * "This month/quarter" run to the period's end so dated future entries are included;
 * "Last 12 months" is the 12 months ending today (same day a year ago + 1 day .. today).
 */
export function presetRange(preset: RangePreset, today: Date): { from: string | null; to: string | null } {
  switch (preset) {
    case 'this-month':
      return { from: toIsoDate(startOfMonth(today)), to: toIsoDate(endOfMonth(today)) };
    case 'last-month': {
      const last = subMonths(startOfMonth(today), 1);
      return { from: toIsoDate(last), to: toIsoDate(endOfMonth(last)) };
    }
    case 'this-quarter':
      return { from: toIsoDate(startOfQuarter(today)), to: toIsoDate(endOfQuarter(today)) };
    case 'year-to-date':
      return { from: toIsoDate(startOfYear(today)), to: toIsoDate(today) };
    case 'last-12-months':
      return { from: toIsoDate(addDays(subMonths(today, 12), 1)), to: toIsoDate(today) };
    default:
      return { from: null, to: null };
  }
}
