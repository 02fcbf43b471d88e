import { useEffect, useState } from 'react';
import { api } from '../../api';
import { refreshPages } from '../../lib/dataVersion';
import { useAsync } from '../../lib/useAsync';
import type { TimeKind } from '../../../shared/api/schemas/time';

/** The running timer (kept in the database, so it is there after a restart). */
export function useTimer() {
  return useAsync(() => api.timer.get({}), []);
}

/** Starts a timer; resolves to the error message when it could not (one is already running). */
export async function startTimerOn(target: {
  leadId?: number;
  sourceId?: number;
  kind?: TimeKind;
}): Promise<string | null> {
  try {
    await api.timer.start(target);
    return null;
  } catch (e) {
    refreshPages(); // one may be running already (another window, the CLI): show it
    return (e as Error).message;
  }
}

/** The time now, every `ms` (for a running clock). */
export function useNow(ms: number, active: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return;
    setNow(new Date());
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms, active]);
  return now;
}
