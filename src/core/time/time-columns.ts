import type { TimeKind } from '../../shared/api/schemas/time';
import { col, csvHeaders, namesWhere, type NamesWith, type RowOf } from '../db/columns';

/** The time_entries table (migration 0007), one entry per column (docs/architecture.md, "One definition per row"). */
export const timeColumns = {
  id: col.id(),
  ref: col.text({ update: false, csv: ['ref', 'text'] }),
  date: col.text({ fact: true, compared: true, csv: ['date', 'bare'] }),
  source_id: col.int({ fact: true, compared: true, csv: ['source', 'channel'] }),
  lead_id: col.intOrNull({ compared: true, csv: ['lead_ref', 'leadRef'] }),
  kind: col.textOf<TimeKind>()({ fact: true, compared: true, csv: ['kind', 'bare'] }),
  minutes: col.int({ fact: true, compared: true, csv: ['minutes', 'bare'] }),
  note: col.text({ compared: true, csv: ['note', 'text'] }),
  import_id: col.intOrNull({ update: false }),
  created_at: col.text({ update: false }),
  updated_at: col.text(),
};

/** No column of the table is outside the record. */
export const timeInternalColumns = [] as const;

export type TimeRecord = RowOf<typeof timeColumns>;
export type TimeWrite = Omit<TimeRecord, 'id'>;
export type TimeFacts = Pick<TimeRecord, NamesWith<typeof timeColumns, 'fact'>>;

export const timeInsertColumns = namesWhere(timeColumns, (c) => c.insert);
export const timeUpdateColumns = namesWhere(timeColumns, (c) => c.update);
export const timeCompared = namesWhere(timeColumns, (c) => c.compared) as NamesWith<typeof timeColumns, 'compared'>[];
export const timeCsvHeaders = csvHeaders(timeColumns);
