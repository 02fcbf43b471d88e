import { useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { useToast } from '../../components/Toasts';
import { formatMinutes } from '../../../shared/domain/time';
import { useSources } from '../../lib/useSources';
import { LogTimeForm } from './LogTimeForm';
import { TimeEntries } from './TimeEntries';
import { startTimerOn, useTimer } from './useTimer';

/** Channel-level time on the Channels page: a portfolio post, a podcast episode (docs/domain.md §6.1). */
export function ChannelTimePanel() {
  const sources = useSources(false);
  const [channel, setChannel] = useState<number | ''>('');
  const list = useAsync(
    () => api.time.list(channel === '' ? { limit: 50 } : { sourceId: channel, limit: 200 }),
    [channel],
  );
  const timer = useTimer();
  const toast = useToast();
  const [logging, setLogging] = useState(false);
  const channels = (sources.data ?? []).map((s) => ({ id: s.id, name: s.name }));
  const totals = list.data?.totals;
  const start = async () => {
    if (channel === '') return toast.error('Choose a channel for the timer');
    const problem = await startTimerOn({ sourceId: channel });
    if (problem) toast.error(problem);
  };
  return (
    <section className="panel time-panel" aria-labelledby="channel-time-title">
      <div className="panel-head">
        <h2 id="channel-time-title">Time on channels</h2>
        <div className="time-actions">
          <label className="inline-field">
            <span>Channel</span>
            <select
              value={channel}
              onChange={(e) => setChannel(e.target.value === '' ? '' : Number(e.target.value))}
              aria-label="Show time of channel"
            >
              <option value="">All channels</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {!timer.data && (
            <button
              type="button"
              onClick={() => void start()}
              disabled={channel === ''}
              title={channel === '' ? 'Choose a channel first' : undefined}
            >
              Start timer
            </button>
          )}
          {!logging && (
            <button type="button" onClick={() => setLogging(true)}>
              Log channel time
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        Hours spent on a channel without a lead (posts, episodes, profile work) count in the report's hours and profit
        per hour.
      </p>
      {logging && (
        <LogTimeForm
          key={channel}
          channels={channels}
          {...(channel !== '' ? { sourceId: channel } : {})}
          onDone={() => setLogging(false)}
        />
      )}
      {totals && totals.count > 0 && (
        <p className="time-totals" aria-label="Channel time totals">
          {totals.count} entries · Sales <strong>{formatMinutes(totals.salesMinutes)}</strong> · Delivery{' '}
          <strong>{formatMinutes(totals.deliveryMinutes)}</strong>
        </p>
      )}
      {list.data && <TimeEntries entries={list.data.entries} show="channel" label="Channel time entries" />}
    </section>
  );
}
