import { useEffect, useState } from 'react';
import { api } from '../../api';
import { notifyDataChanged } from '../../lib/dataVersion';
import type { ImportJob } from '../../../shared/api/schemas/csv';

/** Polls an import job until it ends (every 250 ms: the import runs on its own connection). */
export function useImportJob(jobId: string | null): { job: ImportJob | null; error: string | null } {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.csv.job({ jobId });
        if (!live) return;
        setJob(next);
        if (next.state === 'running') timer = setTimeout(poll, 250);
        // The one announcement by hand: the rows land after csv:start-import has answered (the api announced
        // that write then), so the pages fetch again when the job says it wrote them.
        else if (next.summary?.applied) notifyDataChanged();
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);
  return { job: jobId ? job : null, error };
}
