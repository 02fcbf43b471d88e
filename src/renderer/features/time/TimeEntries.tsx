import { api } from '../../api';
import { notifyDataChanged } from '../../app/dataVersion';
import { formatDay } from '../../app/format';
import { useToast } from '../../components/Toasts';
import { type TimeEntry, timeKindLabels } from '../../../shared/api/schemas/time';
import { formatMinutes } from '../../../shared/domain/time';

export type TimeEntriesProps = { entries: readonly TimeEntry[]; show: 'lead' | 'channel'; label: string };

/** A list of time entries, newest first, each deletable. */
export function TimeEntries({ entries, show, label }: TimeEntriesProps) {
  const toast = useToast();
  const remove = async (e: TimeEntry) => {
    try {
      await api.time.delete({ id: e.id });
      toast.info('Time entry deleted');
      notifyDataChanged();
    } catch (error) {
      toast.error(`Could not delete the time entry: ${(error as Error).message}`);
    }
  };
  if (entries.length === 0) return <p className="muted">No time logged yet.</p>;
  return (
    <ol className="time-list" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id} className={`time-item kind-${e.kind}`}>
          <time dateTime={e.date}>{formatDay(e.date)}</time>
          <span className="time-kind">{timeKindLabels[e.kind]}</span>
          <span className="time-minutes">{formatMinutes(e.minutes)}</span>
          <span className="time-text">
            {show === 'channel' && (e.leadId ? <a href={`#/lead/${e.leadId}`}>{e.leadTitle}</a> : <span className="muted">{e.sourceName}, no lead</span>)}
            {show === 'channel' && e.note ? ' · ' : ''}
            {e.note}
          </span>
          <button type="button" className="link-button" aria-label={`Delete ${formatMinutes(e.minutes)} of ${formatDay(e.date)}`} onClick={() => void remove(e)}>
            Delete
          </button>
        </li>
      ))}
    </ol>
  );
}
