import { addDays, startOfWeek } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../../../shared/dates';

export const sectionNames = ['Today', 'Overdue', 'Next 7 days', 'Later'] as const;
export type SectionName = (typeof sectionNames)[number];

/** Which section a follow-up date falls in: today first (what to do now), then what was missed. */
export function sectionOf(followUpOn: string, today: string): SectionName {
  if (followUpOn === today) return 'Today';
  if (followUpOn < today) return 'Overdue';
  return followUpOn <= toIsoDate(addDays(fromIsoDate(today), 7)) ? 'Next 7 days' : 'Later';
}

export function groupBySection<T>(items: T[], dateOf: (item: T) => string, today: string): Record<SectionName, T[]> {
  const groups: Record<SectionName, T[]> = { Today: [], Overdue: [], 'Next 7 days': [], Later: [] };
  for (const item of items) groups[sectionOf(dateOf(item), today)].push(item);
  return groups;
}

export type WeekStart = 0 | 1 | 6;

/** The one-click reschedules, counted from today (not from the missed date). */
export function rescheduleDates(today: string, weekStartsOn: WeekStart): { label: string; date: string }[] {
  const base = fromIsoDate(today);
  // The start of next week, unless that is tomorrow (a Sunday with weeks from Monday): then a week from today.
  const startOfNext = addDays(startOfWeek(base, { weekStartsOn }), 7);
  const nextWeek = startOfNext <= addDays(base, 1) ? addDays(base, 7) : startOfNext;
  return [
    { label: 'Tomorrow', date: toIsoDate(addDays(base, 1)) },
    { label: 'In 3 days', date: toIsoDate(addDays(base, 3)) },
    { label: 'Next week', date: toIsoDate(nextWeek) },
  ];
}
