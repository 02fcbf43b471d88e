import { useEffect, useState } from 'react';
import { api } from '../../api';
import { refreshPages } from '../../lib/dataVersion';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { elapsedMinutes, formatMinutes, timeKindLabels } from '../../../shared/domain/time';
import { LogTimeForm } from './LogTimeForm';
import { useNow, useTimer } from './useTimer';

/** Board cards ask for "Log time" with this window event; one dialog here serves every card. */
export const logTimeEvent = 'leadledger:log-time';
export type LogTimeRequest = { leadId: number; title: string };

/** The top bar's running timer (Stop logs it, Discard drops it) and the board's Log time dialog. */
export function TimerControl() {
  const timer = useTimer();
  const toast = useToast();
  const running = timer.data;
  const now = useNow(15_000, Boolean(running));
  const [request, setRequest] = useState<LogTimeRequest | null>(null);
  useEffect(() => {
    const onRequest = (e: Event) => setRequest((e as CustomEvent<LogTimeRequest>).detail);
    window.addEventListener(logTimeEvent, onRequest);
    return () => window.removeEventListener(logTimeEvent, onRequest);
  }, []);
  const stop = async () => {
    try {
      const entry = await api.timer.stop({});
      toast.info(`${formatMinutes(entry.minutes)} logged on ${entry.leadTitle ?? entry.sourceName}`);
    } catch (e) {
      toast.error(`Could not stop the timer: ${(e as Error).message}`);
      refreshPages(); // stopped elsewhere (another window, the CLI): show what is running now
    }
  };
  const discard = async () => {
    await api.timer.cancel({}).catch((e: Error) => {
      toast.error(e.message);
      refreshPages();
    });
  };
  return (
    <>
      {running && (
        <div className="timer-running" role="status" aria-label="Running timer">
          <span className="timer-dot" aria-hidden="true" />
          <span className="timer-clock">{formatMinutes(elapsedMinutes(running.startedAt, now))}</span>
          <span className="timer-what" title={running.leadTitle ?? running.sourceName}>
            {timeKindLabels[running.kind]} ·{' '}
            {running.leadId ? <a href={`#/lead/${running.leadId}`}>{running.leadTitle}</a> : running.sourceName}
          </span>
          <button type="button" className="primary" onClick={() => void stop()}>
            Stop
          </button>
          <button type="button" className="link-button" onClick={() => void discard()}>
            Discard
          </button>
        </div>
      )}
      <Dialog
        open={request !== null}
        title={request ? `Log time: ${request.title}` : 'Log time'}
        onClose={() => setRequest(null)}
      >
        {request && <LogTimeForm leadId={request.leadId} onDone={() => setRequest(null)} />}
      </Dialog>
    </>
  );
}
