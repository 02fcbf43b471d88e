import fs from 'node:fs';
import path from 'node:path';
import type { ReadableDB, WritableDB } from '../db/handles';
import { AppError } from '../../shared/api/result';
import { truncateWal } from '../db/connection';
import { firstProblem } from './check-draft';
import { RowError, type RowResult } from './drafts';
import { headerWarnings } from './formats';
import { emptySummary, type ImportSummary, nothingWritten, SummaryTally } from './import-summary';
import { reconcileAfterImport, stampImportClock } from './after-import';
import { CsvParseError } from './parser';
import { readCsvFile } from './read-file';
import { typeKey } from './type-decisions';
import { ImportWriter } from './writer';
import { linkUnlinkedLeads } from '../clients/clients-repo';
import { linkRememberedPayers } from '../payments/payer-repo';
import { importMatches } from '../subscriptions/plan-charges';
import { uncountedImportWarning } from '../expenses/expenses-repo';
import { firstRowsToDecide, PlanChanged, planForImport } from './speculative-plan';
import { baseCurrency } from '../db/settings-repo';
import { projectMap } from '../time/time-projects-repo';
import { suspendPurchaseTriggers } from '../db/change-counters';
import { bulkWriteSettings } from './import-bulk';
import { decisionsFor, ImportCancelled, type ImportOptions, readAsNotes, rowResult } from './file-plan';
import { startParseWorker, WorkerUnavailable } from './parsed-rows';

export type { ImportSummary } from './import-summary';
export { ImportCancelled, type ImportOptions } from './file-plan';

export type ImportProgress = { rows: number; bytes: number; totalBytes: number };

export type ImportHooks = {
  now: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  isCancelled?: () => boolean;
  /** Smaller chunks keep a shared event loop (server, Electron main) responsive during an import. */
  chunkBytes?: number;
  /** false: decide from the whole file before writing (speculative-plan.ts; set when the first rows misled). */
  speculate?: boolean;
  /** false: read the rows in this thread, not in a parse worker (parsed-rows.ts; set when the worker failed). */
  parseWorker?: boolean;
};

/** Files at least this big are bulk imports: secondary indexes are rebuilt once instead of updated per row. */
const bulkBytes = () => Number(process.env.LEADLEDGER_IMPORT_BULK_BYTES ?? 8 * 1024 * 1024);

/** Rebuilding pays when the file is big and brings at least about as many rows as the table holds (~100 bytes a row). */
function isBulk(db: ReadableDB, table: string, bytes: number): boolean {
  if (bytes < bulkBytes()) return false;
  const existing = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return existing <= bytes / 100;
}

const tablesOf: Record<string, string[]> = {
  leads: ['leads', 'stage_changes'],
  payments: ['payments'],
  expenses: ['expenses'],
};

/**
 * Drops the secondary indexes of `tables` inside the import transaction and returns the SQL that
 * recreates them (run before COMMIT; a ROLLBACK restores them by itself). Building an index once
 * from sorted keys is several times faster than a million scattered B-tree inserts.
 */
function dropIndexes(db: WritableDB, tables: readonly string[]): string[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const r of rows) db.prepare(`DROP INDEX "${r.name.replace(/"/g, '""')}"`).run();
  return rows.map((r) => r.sql);
}

const importCacheKiB = Number(process.env.LEADLEDGER_IMPORT_CACHE_KIB ?? 32768);
const bulkCacheKiB = Number(process.env.LEADLEDGER_IMPORT_BULK_CACHE_KIB ?? 8192);

/** LEADLEDGER_IMPORT_TRACE=1 prints each phase's time to stderr (docs/performance.md). */
const tracing = process.env.LEADLEDGER_IMPORT_TRACE === '1';
let traceMark = performance.now();
function trace(phase: string): void {
  if (!tracing) return;
  const now = performance.now();
  const m = process.memoryUsage();
  process.stderr.write(
    `[import] ${phase}: ${(now - traceMark).toFixed(0)} ms (rss ${(m.rss / 2 ** 20).toFixed(0)} MiB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)}/${(m.heapTotal / 2 ** 20).toFixed(0)}, external ${(m.external / 2 ** 20).toFixed(0)})\n`,
  );
  traceMark = now;
}

/**
 * Imports one CSV file as one transaction: streamed record by record, all or nothing. A file with
 * invalid rows is refused (rolled back) unless `skipInvalid`; a dry run always rolls back.
 * Parse errors and unknown layouts throw AppError (nothing written); cancel throws ImportCancelled.
 */
export async function importCsvFile(
  db: WritableDB,
  file: string,
  options: ImportOptions,
  hooks: ImportHooks,
): Promise<ImportSummary> {
  const fileName = options.fileName ?? path.basename(file);
  const stat = await fs.promises.stat(file);
  const now = hooks.now();
  trace('start');
  // Progress: a deciding pass over the whole file is the first half of the bytes, the import the second.
  let total = stat.size * 2;
  const { plan, check } = await planForImport(
    db,
    file,
    { ...options, fileName },
    {
      chunkBytes: hooks.chunkBytes,
      onBytes: (bytes) => {
        hooks.onProgress?.({ rows: 0, bytes, totalBytes: total });
        return !hooks.isCancelled?.();
      },
    },
    hooks.speculate !== false && stat.size >= bulkBytes(),
  );
  if (check) total = stat.size;
  const passStart = check ? 0 : stat.size;
  const { mapper } = plan;
  trace('deciding pass');
  const summary = emptySummary(fileName, plan.encoding, Boolean(options.dryRun));
  Object.assign(summary, {
    format: mapper.format,
    formatLabel: mapper.label,
    recognisedBy: plan.recognisedBy,
    readAs: readAsNotes(plan),
    delimiter: plan.delimiter,
    decimal: plan.profile?.decimal ?? options.mapping?.decimal ?? '.',
  });
  if (plan.encoding === 'windows-1252') summary.warnings.push('The file is not UTF-8; it was read as Windows-1252');
  summary.warnings.push(...headerWarnings(plan.headers, plan.layout));
  const tally = new SummaryTally(summary, plan.layout?.platform ?? 'leadledger');
  let writer: ImportWriter | undefined;
  let recreate: string[] = [];

  // `problem`: checkDraft's verdict when a parse worker already gave it (null: the drafts passed).
  const take = (line: number, result: RowResult, problem?: string | null) => {
    switch (result.kind) {
      case 'invalid':
        return tally.invalid(line, result.message, result.reason);
      case 'unknown-type':
        return tally.unknownType(line, result.type, typeKey(result.type), result.message);
      case 'transfer':
        return tally.transfer();
      case 'skipped':
        return tally.skipped(result.reason);
      case 'drafts': {
        if (result.fee) summary.counts.fees++;
        if (result.drafts.length === 0) summary.merged++;
        const found = problem === undefined ? firstProblem(result.drafts) : problem;
        if (found) return tally.invalid(line, found, found.split(':')[0]);
        for (const draft of result.drafts) {
          try {
            const outcome = writer!.apply(draft);
            summary[outcome]++;
            if (outcome === 'inserted')
              summary.kinds[
                draft.type === 'lead'
                  ? 'leads'
                  : draft.type === 'payment'
                    ? 'payments'
                    : draft.type === 'time'
                      ? 'time'
                      : 'expenses'
              ]++;
          } catch (error) {
            if (error instanceof RowError) return tally.invalid(line, error.message, error.reason);
            throw error;
          }
          if (draft.type === 'lead') summary.counts.leads++;
          else if (draft.type === 'time') summary.counts.time++;
          else if (draft.type === 'expense')
            summary.counts.expenses[draft.category] = (summary.counts.expenses[draft.category] ?? 0) + 1;
          else if (!result.fee) summary.counts.payments++;
        }
      }
    }
  };

  if (db.inTransaction)
    throw new AppError('conflict', 'Another import is writing to this database; try again when it ends');
  const target = mapper.format === 'mapping' ? options.mapping?.target : mapper.format;
  const tables = target ? tablesOf[target] : undefined;
  // A big page cache keeps the index B-trees in memory for the length of the import.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${importCacheKiB === 0 ? cacheSize : -importCacheKiB}`);
  // Always into the live file, in its own transaction (docs/safety.md): never built aside and swapped.
  const restoreSettings = bulkWriteSettings(db);
  let committed = false;
  let planChanged = false;
  let workerFailed = false;
  try {
    db.prepare('BEGIN IMMEDIATE').run();
    const w = db;
    summary.importId = Number(
      w
        .prepare(`INSERT INTO imports (file_name, format, started_at) VALUES (?, ?, ?)`)
        .run(fileName, mapper.format, now.toISOString()).lastInsertRowid,
    );
    writer = new ImportWriter(w, summary.importId, now);
    if (tables && isBulk(w, tables[0]!, stat.size)) {
      recreate = dropIndexes(w, tables);
      // With the secondary indexes gone, a small cache costs no time (pages spill to the WAL that the
      // commit writes anyway) and keeps the peak RSS of a 1,000,000-row import under 256 MiB.
      if (bulkCacheKiB > 0) w.pragma(`cache_size = ${-bulkCacheKiB}`);
    }
    const restoreTriggers = target === 'leads' ? () => {} : suspendPurchaseTriggers(w);
    const onChunk = (bytes: number) => {
      hooks.onProgress?.({ rows: summary.rows, bytes: passStart + bytes, totalBytes: total });
      return !hooks.isCancelled?.();
    };
    // Decided from the first rows (a big file): a worker reads, maps and checks while this thread writes.
    const parsed =
      check && plan.layout && plan.profile && hooks.parseWorker !== false
        ? startParseWorker({
            file,
            options: { as: options.as, source: options.source, kind: options.kind },
            baseCurrency: baseCurrency(db),
            decisions: decisionsFor(db, plan.layout.platform),
            projects: plan.layout.platform === 'tracker' && !options.source ? projectMap(db) : undefined,
            maxRows: firstRowsToDecide(),
            expect: { format: mapper.format, notes: plan.profile.notes },
          })
        : undefined;
    let completed: boolean | undefined;
    if (parsed) {
      completed = await parsed
        .run((line, result, problem) => {
          summary.rows++;
          take(line, result, problem);
        }, onChunk)
        .catch((error: unknown) => {
          // A worker that failed before its first row: read here instead (after it, start again in-thread, below).
          if (error instanceof WorkerUnavailable && !error.fed) return undefined;
          throw error;
        });
    }
    if (completed === undefined) {
      let header = true;
      completed = await readCsvFile(
        file,
        plan.encoding,
        ({ fields, line }) => {
          if (header) {
            header = false;
            return;
          }
          summary.rows++;
          check?.add(fields, line);
          take(line, rowResult(plan, fields, line));
        },
        { delimiter: plan.delimiter, chunkBytes: hooks.chunkBytes, onChunk },
      );
    }
    if (!completed) throw new ImportCancelled();
    trace('rows');
    // Decided from the first rows: the whole file must agree before anything is kept (a parse worker has checked).
    if (!parsed?.checked) check?.confirm();
    const { mayHaveUnlinked } = writer.finish();
    // Leads counted as inserted that a repeated ref made updates (the writer inserts in batches).
    const c = writer.corrections;
    summary.inserted += c.inserted;
    summary.kinds.leads += c.inserted;
    summary.updated += c.updated;
    summary.unchanged += c.unchanged;
    trace('rollups and clients');
    summary.createdSources = writer.createdSources;
    if (summary.invalidCount > 0 && options.skipInvalid) summary.skipped += summary.invalidCount;
    const refused = summary.invalidCount > 0 && !options.skipInvalid;
    if (summary.kinds.expenses > 0 && summary.importId !== null)
      summary.subscriptionMatches = importMatches(w, summary.importId);
    if (summary.kinds.expenses > 0 && summary.importId !== null)
      summary.warnings.push(...uncountedImportWarning(w, summary.importId));
    // docs/domain.md §6.3, §3.12: leads find their client by name; rail payments of a remembered payer their lead.
    // Written leads are linked as they go (ClientLinks); leads from before may still need it.
    if (mayHaveUnlinked && (summary.kinds.leads > 0 || summary.updated > 0)) linkUnlinkedLeads(w, now.toISOString());
    trace('links');
    // docs/domain.md §7: typed records matched and taken over, payments linked to their leads (src/core/imports).
    reconcileAfterImport(w, summary, options.sameAs);
    if (summary.kinds.payments > 0 && summary.importId !== null)
      summary.payerLinks = linkRememberedPayers(w, summary.importId);
    if (!refused && !options.dryRun) {
      for (const sql of recreate) {
        w.prepare(sql).run();
        trace(sql.replace(/\s+/g, ' ').slice(0, 60));
      }
      restoreTriggers();
      w.prepare(`UPDATE imports SET inserted = ?, updated = ?, unchanged = ?, skipped = ? WHERE id = ?`).run(
        summary.inserted,
        summary.updated,
        summary.unchanged,
        summary.skipped,
        summary.importId,
      );
      stampImportClock(w, summary.importId);
      db.prepare('COMMIT').run();
      committed = true;
      trace('commit');
      summary.applied = committed;
    }
    if (refused && !options.dryRun) nothingWritten(summary);
    if (!summary.applied) summary.importId = null;
    hooks.onProgress?.({ rows: summary.rows, bytes: total, totalBytes: total });
  } catch (error) {
    if (error instanceof CsvParseError) throw new AppError('invalid_input', `${fileName}: ${error.message}`);
    if (error instanceof WorkerUnavailable) workerFailed = true;
    else if (error instanceof PlanChanged) planChanged = true;
    else throw error;
  } finally {
    if (!committed && db.open) {
      // SQLite rolls back by itself on SQLITE_FULL; either way the rolled-back pages stay in the
      // WAL file (after a full disk, up to all the space there was) until it is truncated.
      if (db.inTransaction) db.prepare('ROLLBACK').run();
      truncateWal(db);
    }
    if (db.open) {
      db.pragma(`cache_size = ${cacheSize}`);
      restoreSettings();
    }
  }
  // The first rows decided otherwise than the whole file: rolled back; again, deciding from all of it.
  if (planChanged) return importCsvFile(db, file, options, { ...hooks, speculate: false });
  // The parse worker failed part-way (rolled back): again, reading the rows here.
  if (workerFailed) return importCsvFile(db, file, options, { ...hooks, parseWorker: false });
  return summary;
}
