import { useState } from 'react';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useToast } from '../../components/Toasts';
import { type TimeEntry, timeKindLabels } from '../../../shared/api/schemas/time';
import { formatMinutes } from '../../../shared/domain/time';
import { EditTimeEntry } from './EditTimeEntry';

export type TimeEntriesProps = { entries: readonly TimeEntry[]; show: 'lead' | 'channel'; label: string };

/** A list of time entries, newest first, each editable in place and deletable with Undo. */
export function TimeEntries({ entries, show, label }: TimeEntriesProps) {
  const toast = useToast();
  const [editing, setEditing] = useState<number | null>(null);
  const remove = async (e: TimeEntry) => {
    try {
      const { entry } = await api.time.delete({ id: e.id });
      // Undo puts it back as it was, under its own ref (a re-import still recognises it).
      const undo = entry
        ? () =>
            api.time
              .create({
                ref: entry.ref,
                date: entry.date,
                kind: entry.kind,
                minutes: entry.minutes,
                note: entry.note,
                ...(entry.leadId ? { leadId: entry.leadId } : { sourceId: entry.sourceId }),
              })
              .catch((error: Error) => toast.error(`Could not undo: ${error.message}`))
        : undefined;
      toast.info(`Deleted ${formatMinutes(e.minutes)} of ${formatDay(e.date)}`, undo ? { undo } : undefined);
    } catch (error) {
      toast.error(`Could not delete the time entry: ${(error as Error).message}`);
    }
  };
  if (entries.length === 0) return <p className="muted">No time logged yet.</p>;
  return (
    <ol className="time-list" aria-label={label}>
      {entries.map((e) =>
        editing === e.id ? (
          <li key={e.id} className="time-item-editing">
            <EditTimeEntry entry={e} onDone={() => setEditing(null)} />
          </li>
        ) : (
          <li key={e.id} className={`time-item kind-${e.kind}`}>
            <time dateTime={e.date}>{formatDay(e.date)}</time>
            <span className="time-kind">{timeKindLabels[e.kind]}</span>
            <span className="time-minutes">{formatMinutes(e.minutes)}</span>
            <span className="time-text">
              {show === 'channel' &&
                (e.leadId ? (
                  <a href={`#/lead/${e.leadId}`}>{e.leadTitle}</a>
                ) : (
                  <span className="muted">{e.sourceName}, no lead</span>
                ))}
              {show === 'channel' && e.note ? ' · ' : ''}
              {e.note}
            </span>
            <span className="time-row-actions">
              <button
                type="button"
                className="link-button"
                aria-label={`Edit ${formatMinutes(e.minutes)} of ${formatDay(e.date)}`}
                onClick={() => setEditing(e.id)}
              >
                Edit
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={`Delete ${formatMinutes(e.minutes)} of ${formatDay(e.date)}`}
                onClick={() => void remove(e)}
              >
                Delete
              </button>
            </span>
          </li>
        ),
      )}
    </ol>
  );
}
