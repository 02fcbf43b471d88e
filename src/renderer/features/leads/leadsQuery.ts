import type { LeadFilter, LeadSortField } from '../../../shared/api/schemas/leads';
import { isIsoDate } from '../../../shared/dates';
import { isStage, type Stage } from '../../../shared/domain/stages';

export type LeadSort = { field: LeadSortField; dir: 'asc' | 'desc' };
export type LeadsQuery = { filter: LeadFilter; sort: LeadSort | undefined };

const sortFields: readonly LeadSortField[] = [
  'title',
  'client',
  'source',
  'stage',
  'createdOn',
  'appliedOn',
  'followUpOn',
  'value',
  'connects',
  'updatedAt',
];

/**
 * Filters and sort from the URL (#/leads?source=3&stage=won&tag=react&from=2026-01-01&sort=value&dir=desc).
 * `stale=1` keeps the stale leads: `staleBefore` is the cutoff from the Settings threshold.
 */
export function leadsQueryFrom(query: URLSearchParams, staleBefore?: string): LeadsQuery {
  const ids = (query.get('source') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const stageList = (query.get('stage') ?? '').split(',').filter(isStage) as Stage[];
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const filter: LeadFilter = {
    ...(query.get('q')?.trim() ? { search: query.get('q')!.trim().slice(0, 200) } : {}),
    ...(ids.length ? { sourceIds: ids } : {}),
    ...(stageList.length ? { stages: stageList } : {}),
    ...(query.get('tag') ? { tag: query.get('tag')!.slice(0, 40) } : {}),
    ...(isIsoDate(from) ? { createdFrom: from } : {}),
    ...(isIsoDate(to) ? { createdTo: to } : {}),
    ...(query.get('stale') === '1' && staleBefore ? { staleBefore } : {}),
    ...(Number(query.get('import')) > 0 ? { importId: Number(query.get('import')) } : {}), // CSV import summary links
  };
  const field = query.get('sort') as LeadSortField | null;
  const sort =
    field && sortFields.includes(field)
      ? { field, dir: query.get('dir') === 'asc' ? ('asc' as const) : ('desc' as const) }
      : undefined;
  return { filter, sort };
}

/** Whether any filter narrows the list (the search box included). */
export function isFiltered(filter: LeadFilter): boolean {
  return Object.keys(filter).length > 0;
}

/** The next sort when a header is clicked: new column first descending for numbers and dates, ascending for text. */
export function nextSort(current: LeadSort | undefined, field: LeadSortField): LeadSort {
  if (current?.field === field) return { field, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  const textual = field === 'title' || field === 'client' || field === 'source' || field === 'stage';
  return { field, dir: textual ? 'asc' : 'desc' };
}
