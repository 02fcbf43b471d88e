import type { ImportJob } from '../src/shared/api/schemas/csv';
import { importJob } from '../src/core/imports/import-jobs';

/** Waits for an import job to end, polling its status every `pollMs` (tests, the crash harness's child). */
export async function waitForJob(jobId: string, pollMs = 20): Promise<ImportJob> {
  for (;;) {
    const job = importJob(jobId);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
