import { type RangePreset, presetRange, rangePresets } from '../../../shared/reports/presets';
import { isIsoDate } from '../../../shared/dates';
import { replaceRoute, routeWith, type Route } from '../../lib/useRoute';

export type ReportQuery = {
  preset: RangePreset;
  from: string | null;
  to: string | null;
  basis: 'cash' | 'usage';
  sort: string;
  dir: 'asc' | 'desc';
  /** docs/domain.md §6: last touch (default) or first touch. */
  attribution?: 'last' | 'first';
};

/** The Reports page state lives in the URL (#/reports?preset=this-month&basis=usage) so it survives reloads. */
export function readReportQuery(route: Route, today = new Date()): ReportQuery {
  const q = route.query;
  const preset = (rangePresets as readonly string[]).includes(q.get('preset') ?? '')
    ? (q.get('preset') as RangePreset)
    : 'last-12-months';
  const basis = q.get('basis') === 'cash' ? 'cash' : 'usage';
  const sort = q.get('sort') ?? 'profit';
  const dir = q.get('dir') === 'asc' ? 'asc' : 'desc';
  const attribution = q.get('attribution') === 'first' ? ('first' as const) : ('last' as const);
  if (preset === 'custom') {
    const from = q.get('from');
    const to = q.get('to');
    return {
      preset,
      from: from && isIsoDate(from) ? from : null,
      to: to && isIsoDate(to) ? to : null,
      basis,
      sort,
      dir,
      attribution,
    };
  }
  return { preset, ...presetRange(preset, today), basis, sort, dir, attribution };
}

export function writeReportQuery(next: ReportQuery): void {
  replaceRoute(
    routeWith('reports', {
      preset: next.preset,
      from: next.preset === 'custom' ? next.from : null,
      to: next.preset === 'custom' ? next.to : null,
      basis: next.basis,
      sort: next.sort,
      dir: next.dir,
      attribution: next.attribution === 'first' ? 'first' : null,
    }),
  );
}
