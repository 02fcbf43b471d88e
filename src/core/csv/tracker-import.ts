import { type DecimalSeparator, normaliseAmount } from '../../shared/csv/amounts';
import type { DateFormat } from '../../shared/csv/dates';
import { indexHeaders } from '../../shared/csv/headers';
import type { TimeKind } from '../../shared/api/schemas/time';
import { type Mapper, type RowResult, RowError, type TimeDraft } from './drafts';
import { DerivedKeys } from './own-formats';
import { type ProjectMap, projectKey } from '../time/time-projects-repo';
import { cellAt as at, cellReader, rowErrorsAsInvalid } from './row-cells';
import { trackerAliases } from './tracker-columns';

// Toggl Track, Clockify and Harvest detailed exports as time entries (docs/domain.md §6): one entry
// per row on its start date, minutes = the duration rounded half up (an entry under half a minute is
// skipped and counted), channel, lead and kind from the project mapping (or --source/--kind for the
// whole file). Billable amounts and rates are not revenue and are not read.

export type TrackerOptions = {
  projects: ProjectMap;
  /** The whole file's channel (CLI --source): no project mapping needed. */
  source?: string | undefined;
  kind?: TimeKind | undefined;
};

type ReadAs = { decimal: DecimalSeparator; dateFormat: (index: number | undefined) => DateFormat };

/** The reason an entry under half a minute is counted under (the summary: "N entries under half a minute"). */
export const underHalfAMinute = 'entries under half a minute';

/** `H:MM:SS` or `H:MM` (hours may pass 24) as seconds, or undefined. */
export function clockSeconds(text: string): number | undefined {
  const m = /^(\d{1,5}):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/.exec(text.trim());
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
}

/** Decimal hours ("1.5", "0,01") as whole minutes, half up; undefined when not a number of hours. */
export function hoursToMinutes(text: string, decimal: DecimalSeparator): number | undefined {
  const plain = normaliseAmount(text, decimal);
  if (plain === undefined || plain.startsWith('-')) return undefined;
  const [whole, frac = ''] = plain.split('.');
  if (frac.length > 9) return undefined;
  const den = 10 ** frac.length;
  const num = Number(whole) * den + Number(frac || 0);
  // minutes = hours × 60, half up: floor((num/den × 60) + ½).
  return Math.floor((num * 120 + den) / (2 * den));
}

/** A start time as `HH:MM:SS` (24-hour; `10:23 AM`, `10:23:52 PM`, `22:05`), or the text as written. */
export function clockOf(text: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text.trim());
  if (!m) return text.trim();
  let h = Number(m[1]);
  if (m[4]) h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  return `${String(h).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

export function trackerMapper(
  format: string,
  label: string,
  headers: readonly string[],
  profile: ReadAs,
  options: TrackerOptions,
): Mapper {
  const ix = indexHeaders(headers, trackerAliases);
  const cells = cellReader(headers, profile);
  const { header } = cells;
  const keys = new DerivedKeys(format);

  function minutesOf(fields: readonly string[]): number {
    const duration = at(fields, ix.duration);
    if (duration !== '') {
      const seconds = clockSeconds(duration);
      if (seconds !== undefined) return Math.floor((seconds + 30) / 60);
      // A tracker set to show decimal hours writes them in its duration column too.
      const minutes = hoursToMinutes(duration, profile.decimal);
      if (minutes === undefined)
        throw new RowError(`${header(ix.duration)} "${duration}" is not a duration like 1:30:00`, header(ix.duration));
      return minutes;
    }
    const hours = at(fields, ix.hours);
    if (hours === '') throw new RowError(`${header(ix.duration ?? ix.hours) || 'Duration'} is empty`, 'duration');
    const seconds = clockSeconds(hours);
    if (seconds !== undefined) return Math.floor((seconds + 30) / 60);
    const minutes = hoursToMinutes(hours, profile.decimal);
    if (minutes === undefined)
      throw new RowError(`${header(ix.hours)} "${hours}" is not a number of hours`, header(ix.hours));
    return minutes;
  }

  function row(fields: readonly string[]): RowResult {
    if (at(fields, ix.startDate) === '') throw new RowError(`${header(ix.startDate)} is empty`, header(ix.startDate));
    const date = cells.date(fields, ix.startDate);
    const minutes = minutesOf(fields);
    if (minutes === 0) return { kind: 'skipped', reason: underHalfAMinute };
    const client = at(fields, ix.client);
    const project = at(fields, ix.project);
    let target = options.source
      ? { source: options.source, leadRef: null, kind: options.kind ?? ('delivery' as const) }
      : options.projects[projectKey(client, project)];
    if (!target) {
      const named = `project "${project || '(no project)'}"${client ? ` of client "${client}"` : ''}`;
      return { kind: 'invalid', message: `${named} is not mapped to a channel`, reason: 'unmapped project' };
    }
    if (options.kind && !options.source) target = { ...target, kind: options.kind };
    const description = at(fields, ix.description);
    const note = [description, at(fields, ix.task)].filter(Boolean).join(' · ').slice(0, 2000);
    const id = at(fields, ix.id);
    const ref = id
      ? `${format}:${id}`
      : keys.key([
          date,
          clockOf(at(fields, ix.startTime)),
          String(minutes),
          at(fields, ix.duration) || at(fields, ix.hours),
          description,
          project,
          client,
        ]);
    const draft: TimeDraft = {
      type: 'time',
      ref,
      date,
      source: target.source,
      lead_ref: target.leadRef,
      kind: target.kind,
      minutes,
      note,
    };
    return { kind: 'drafts', drafts: [draft] };
  }

  return {
    format,
    label,
    row: rowErrorsAsInvalid(row),
  };
}
