import { useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { formatMinutes } from '../../../shared/domain/time';
import { useToast } from '../../components/Toasts';
import { LogTimeForm } from './LogTimeForm';
import { TimeEntries } from './TimeEntries';
import { startTimerOn, useTimer } from './useTimer';

/** The lead page's Time panel: totals, "Log time", a timer, the entries (docs/domain.md §6.1). */
export function TimeSection({ leadId }: { leadId: number }) {
  const list = useAsync(() => api.time.list({ leadId }), [leadId]);
  const timer = useTimer();
  const [logging, setLogging] = useState(false);
  const toast = useToast();
  const start = async () => {
    const problem = await startTimerOn({ leadId });
    if (problem) toast.error(problem);
  };
  const totals = list.data?.totals;
  const running = timer.data;
  return (
    <section className="panel time-panel" aria-labelledby="time-title">
      <div className="panel-head">
        <h2 id="time-title">Time</h2>
        <div className="time-actions">
          {!running && (
            <button type="button" onClick={() => void start()}>
              Start timer
            </button>
          )}
          {running && running.leadId === leadId && <span className="muted">Timer running (top bar)</span>}
          {!logging && (
            <button type="button" onClick={() => setLogging(true)}>
              Log time
            </button>
          )}
        </div>
      </div>
      {totals && totals.count > 0 && (
        <p className="time-totals" aria-label="Time totals">
          Sales <strong>{formatMinutes(totals.salesMinutes)}</strong> · Delivery{' '}
          <strong>{formatMinutes(totals.deliveryMinutes)}</strong>
        </p>
      )}
      {logging && <LogTimeForm leadId={leadId} onDone={() => setLogging(false)} />}
      {list.error && (
        <p className="form-error" role="alert">
          Could not load the time: {list.error.message}
        </p>
      )}
      {list.data && <TimeEntries entries={list.data.entries} show="lead" label="Time entries" />}
    </section>
  );
}
