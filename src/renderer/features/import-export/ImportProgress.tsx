import { useState } from 'react';
import { api } from '../../api';
import type { ImportJob } from '../../../shared/api/schemas/csv';

export type ImportProgressProps = { job: ImportJob | null; fileName: string };

/** A progress bar with rows per second and Cancel (cancel rolls the whole import back). */
export function ImportProgress({ job, fileName }: ImportProgressProps) {
  const [cancelling, setCancelling] = useState(false);
  const fraction = job && job.totalBytes > 0 ? Math.min(1, job.bytes / job.totalBytes) : 0;
  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    await api.csv.cancel({ jobId: job.id }).catch(() => undefined);
  };
  return (
    <section className="panel import-progress" aria-label="Import progress">
      <h2>Importing {fileName}</h2>
      <progress max={1} value={fraction} aria-label="Import progress" />
      <p className="muted" aria-live="polite">
        {job
          ? `${job.rows.toLocaleString()} rows · ${Math.round(fraction * 100)}% · ${job.rowsPerSecond.toLocaleString()} rows/s`
          : 'Starting…'}
      </p>
      <div className="page-actions">
        <button type="button" className="danger" onClick={cancel} disabled={!job || cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
