import { parseDate } from '../../shared/csv/dates';
import { unescapeFormula } from '../../shared/csv/escape';
import type { ColumnMapping } from './column-mapping';
import { type Mapper, type RowResult, RowError, type TimeDraft } from './drafts';
import { cellAt, rowErrorsAsInvalid } from './row-cells';
import { DerivedKeys } from './own-formats';
import { clockSeconds, hoursToMinutes, underHalfAMinute } from './tracker-import';

// Any other file mapped to time entries in the wizard (docs/domain.md §6): a date, minutes or a
// duration (H:MM[:SS] or decimal hours), and optionally a channel, a lead, a kind and a note.

/** The wizard's time fields; `date` and one of `minutes`/`duration` are required. */
export const wizardTimeFields = ['ref', 'date', 'minutes', 'duration', 'source', 'lead_ref', 'kind', 'note'] as const;

export function wizardTimeMapper(mapping: ColumnMapping, options: { source?: string | undefined }): Mapper {
  const keys = new DerivedKeys('csv-time');
  const get = (fields: readonly string[], field: string) => cellAt(fields, mapping.columns[field]);

  function minutesOf(fields: readonly string[]): number {
    const minutes = get(fields, 'minutes');
    if (minutes !== '') {
      if (!/^\d{1,9}$/.test(minutes))
        throw new RowError(`minutes "${minutes}" must be a whole number of minutes`, 'minutes');
      return Number(minutes);
    }
    const duration = get(fields, 'duration');
    if (duration === '') throw new RowError('minutes and duration are empty', 'minutes');
    const seconds = clockSeconds(duration);
    if (seconds !== undefined) return Math.floor((seconds + 30) / 60);
    const fromHours = hoursToMinutes(duration, mapping.decimal);
    if (fromHours === undefined)
      throw new RowError(`duration "${duration}" is neither H:MM:SS nor a number of hours`, 'duration');
    return fromHours;
  }

  function row(fields: readonly string[]): RowResult {
    const rawDate = get(fields, 'date');
    if (rawDate === '') throw new RowError('date is empty', 'date');
    const date = parseDate(rawDate, mapping.dateFormat);
    if (!date) throw new RowError(`date "${rawDate}" is not a date in the format ${mapping.dateFormat}`, 'date');
    const minutes = minutesOf(fields);
    if (minutes === 0) return { kind: 'skipped', reason: underHalfAMinute };
    const kindText = get(fields, 'kind').toLowerCase();
    if (kindText !== '' && kindText !== 'sales' && kindText !== 'delivery')
      throw new RowError(`kind "${get(fields, 'kind')}" is not one of sales, delivery`, 'kind');
    const kind = (kindText || mapping.kind || 'delivery') as TimeDraft['kind'];
    const source = get(fields, 'source') || options.source || mapping.source || '';
    const leadRef = get(fields, 'lead_ref');
    if (source === '' && leadRef === '')
      throw new RowError(
        'no channel and no lead: choose a channel for the whole file, or map a channel or lead column',
        'source',
      );
    const note = unescapeFormula(get(fields, 'note'));
    const ref = get(fields, 'ref') || keys.key([date, String(minutes), source, leadRef, kind, note]);
    const draft: TimeDraft = { type: 'time', ref, date, source, lead_ref: leadRef || null, kind, minutes, note };
    return { kind: 'drafts', drafts: [draft] };
  }

  return {
    format: 'mapping',
    label: 'time (mapped columns)',
    row: rowErrorsAsInvalid(row),
  };
}
