import { randomBytes } from 'node:crypto';
import type { WritableDB } from '../db/handles';
import { AppError } from '../../shared/api/result';
import type { ImportJob } from '../../shared/api/schemas/csv';
import type { Ctx } from '../context';
import { toApiError } from '../errors';
import { busyTimeoutMs, openConnection, setBusyWait } from '../db/connection';
import { forgetFile, registeredFile } from '../csv/file-registry';
import { backupInBackground } from '../backups/backup-service';
import { ImportCancelled, type ImportOptions } from '../csv/file-plan';
import { importCsvFile } from '../csv/import-engine';
import type { ImportAs } from '../csv/formats';
import { type ColumnMapping } from '../csv/column-mapping';
import type { TimeKind } from '../../shared/api/schemas/time';
import { headersOf, mappingByName } from './csv-service';

type Job = ImportJob & { cancel: boolean; startedAt: number; finishedAt?: number };

const jobs = new Map<string, Job>();
const keepFinishedMs = 60 * 60 * 1000;

function prune(now: number) {
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > keepFinishedMs) jobs.delete(id);
}

export type StartImport = {
  fileId: string;
  as?: ImportAs | undefined;
  source?: string | undefined;
  /** Time trackers: the whole file's kind (docs/domain.md §6). */
  kind?: TimeKind | undefined;
  mapping?: ColumnMapping | undefined;
  mappingName?: string | undefined;
  skipInvalid?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** The preview's ticks (docs/domain.md §7). */
  sameAs?: readonly { ref: string; id: number }[] | undefined;
};

/**
 * Starts an import on its own connection (one long write transaction that the app's connection
 * never joins); the event loop stays free between 1 MB chunks, so the UI polls `csv:job`.
 */
export async function startImportJob(ctx: Ctx, input: StartImport): Promise<{ jobId: string }> {
  const file = registeredFile(input.fileId, 'read');
  let mapping = input.mapping;
  if (!mapping && input.mappingName) mapping = mappingByName(ctx, input.mappingName, await headersOf(file.path));
  if ([...jobs.values()].some((j) => j.state === 'running'))
    throw new AppError('conflict', 'An import is already running; wait for it or cancel it');
  prune(Date.now());
  const id = randomBytes(8).toString('hex');
  const job: Job = {
    id,
    state: 'running',
    rows: 0,
    bytes: 0,
    totalBytes: 0,
    rowsPerSecond: 0,
    summary: null,
    error: null,
    cancel: false,
    startedAt: performance.now(),
  };
  jobs.set(id, job);
  const options: ImportOptions = {
    fileName: file.name,
    as: input.as,
    source: input.source,
    kind: input.kind,
    mapping,
    skipInvalid: input.skipInvalid,
    dryRun: input.dryRun,
    sameAs: input.sameAs,
  };
  let db: WritableDB | undefined;
  const finish = (state: Job['state'], error: string | null) => {
    job.state = state;
    job.error = error;
    job.finishedAt = Date.now();
    if (db?.open && db !== ctx.db) db.close();
    if (ctx.db.open) setBusyWait(ctx.db, busyTimeoutMs);
  };
  try {
    // A copy to go back to, made off the event loop before the import's transaction starts.
    if (!input.dryRun && ctx.dbPath !== ':memory:') await backupInBackground(ctx, 'pre-import');
    // A second connection to the file the store opened (and checked, and migrated) already: a plain
    // one. openDatabase would inspect the file again, and its header check must not run on an open file.
    // `ctx.db` first: a host that opens its store lazily (the CLI) has it opened and migrated by now.
    const main = ctx.db;
    db = ctx.dbPath === ':memory:' ? main : openConnection(ctx.dbPath);
  } catch (error) {
    finish('failed', toApiError(error).message.replace(/^Something went wrong: /, ''));
    return { jobId: id };
  }
  // The import holds the write lock across event-loop turns: a write on the app's connection
  // would wait for it with the event loop blocked (the import cannot move meanwhile). So it
  // fails at once with the retryable "busy" answer instead, until the import ends.
  if (db !== ctx.db) setBusyWait(ctx.db, 0);
  const connection = db;
  void importCsvFile(connection, file.path, options, {
    now: ctx.now,
    chunkBytes: 256 * 1024,
    isCancelled: () => job.cancel,
    onProgress: (p) => {
      job.rows = p.rows;
      job.bytes = p.bytes;
      job.totalBytes = p.totalBytes;
      const seconds = (performance.now() - job.startedAt) / 1000;
      job.rowsPerSecond = seconds > 0 ? Math.round(p.rows / seconds) : 0;
    },
  }).then(
    (summary) => {
      job.summary = summary;
      job.rows = summary.rows;
      finish('done', null);
      // Written: the upload is finished with (a dry run or a refused file may be run again).
      if (summary.applied) forgetFile(input.fileId);
    },
    (error: unknown) => {
      if (error instanceof ImportCancelled) finish('cancelled', error.message);
      // Worded as the API words it (disk full, locked, damaged), for every host.
      else finish('failed', toApiError(error).message.replace(/^Something went wrong: /, ''));
    },
  );
  return { jobId: id };
}

export function importJob(jobId: string): ImportJob {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('not_found', 'No such import (it may have finished over an hour ago)');
  const { cancel: _c, startedAt: _s, finishedAt: _f, ...status } = job;
  return status;
}

export function cancelImportJob(jobId: string): { cancelled: boolean } {
  const job = jobs.get(jobId);
  if (!job || job.state !== 'running') return { cancelled: false };
  job.cancel = true;
  return { cancelled: true };
}
