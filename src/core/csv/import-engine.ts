import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { baseCurrency } from '../repos/settings-repo';
import { type Mapper, RowError, type RowResult } from './drafts';
import { type ColumnMapping, type FormatId, headerWarnings, type ImportAs, mapperFor, mappingMapper, resolveFormat } from './formats';
import { CsvParseError } from './parser';
import { detectEncoding, type Encoding, readCsvFile } from './read-file';
import { ImportWriter } from './writer';
import { type ImportMatch, importMatches } from '../services/plan-charges';

export type ImportOptions = {
  fileName?: string;
  as?: ImportAs | undefined;
  source?: string | undefined;
  mapping?: ColumnMapping | undefined;
  skipInvalid?: boolean;
  dryRun?: boolean;
};

export type InvalidRow = { line: number; message: string };

export type ImportSummary = {
  importId: number | null;
  fileName: string;
  format: FormatId | 'mapping';
  formatLabel: string;
  encoding: Encoding;
  /** Data rows read (blank lines not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out with --skip-invalid, plus rows the format skips (failed or pending payments). */
  skipped: number;
  /** Money moved between accounts (withdrawals, payouts): neither revenue nor cost. */
  transfers: number;
  /** Upwork service fees joined to their payment. */
  merged: number;
  invalidCount: number;
  /** The first 100 invalid rows, by line number in the file. */
  invalid: InvalidRow[];
  createdSources: string[];
  warnings: string[];
  dryRun: boolean;
  /** True when the rows were written (committed). */
  applied: boolean;
  /** Inserted records per kind, for the summary links. */
  kinds: { leads: number; payments: number; expenses: number };
  /** Imported subscription charges that are a plan's charge: counted once, as imported (DOMAIN §5). */
  subscriptionMatches: ImportMatch[];
};

export type ImportProgress = { rows: number; bytes: number; totalBytes: number };

export type ImportHooks = {
  now: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  isCancelled?: () => boolean;
  /** Smaller chunks keep a shared event loop (server, Electron main) responsive during an import. */
  chunkBytes?: number;
};

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was imported');
    this.name = 'ImportCancelled';
  }
}

const maxListed = 100;
/** Files at least this big are bulk imports: secondary indexes are rebuilt once instead of updated per row. */
const bulkBytes = () => Number(process.env.LEADLEDGER_IMPORT_BULK_BYTES ?? 8 * 1024 * 1024);

/** Rebuilding pays when the file is big and brings at least about as many rows as the table holds (~100 bytes a row). */
function isBulk(db: Database, table: string, bytes: number): boolean {
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
function dropIndexes(db: Database, tables: readonly string[]): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const r of rows) db.prepare(`DROP INDEX "${r.name.replace(/"/g, '""')}"`).run();
  return rows.map((r) => r.sql);
}

const importCacheKiB = Number(process.env.LEADLEDGER_IMPORT_CACHE_KIB ?? 32768);

/** The header and the chosen mapper of a file. */
export function chooseMapper(db: Database, headers: readonly string[], options: ImportOptions): Mapper {
  const mapperOptions = { baseCurrency: baseCurrency(db), source: options.source };
  if (options.mapping) return mappingMapper(options.mapping, headers.length, mapperOptions);
  return mapperFor(resolveFormat(headers, options.as), headers, mapperOptions);
}

/**
 * Imports one CSV file as one transaction: streamed record by record, all or nothing. A file with
 * invalid rows is refused (rolled back) unless `skipInvalid`; a dry run always rolls back.
 * Parse errors and unknown layouts throw AppError (nothing written); cancel throws ImportCancelled.
 */
export async function importCsvFile(db: Database, file: string, options: ImportOptions, hooks: ImportHooks): Promise<ImportSummary> {
  const fileName = options.fileName ?? path.basename(file);
  const stat = await import('node:fs').then((fs) => fs.promises.stat(file));
  const encoding = await detectEncoding(file);
  const now = hooks.now();
  let mapper: Mapper | undefined;
  let writer: ImportWriter | undefined;
  let headerCount = 0;
  let recreate: string[] = [];
  const summary: ImportSummary = {
    importId: null, fileName, format: 'leads', formatLabel: '', encoding, rows: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0,
    transfers: 0, merged: 0, invalidCount: 0, invalid: [], createdSources: [], warnings: [], dryRun: Boolean(options.dryRun), applied: false,
    kinds: { leads: 0, payments: 0, expenses: 0 }, subscriptionMatches: [],
  };
  if (encoding === 'windows-1252') summary.warnings.push('The file is not UTF-8; it was read as Windows-1252');

  const invalid = (line: number, message: string) => {
    summary.invalidCount++;
    if (summary.invalid.length < maxListed) summary.invalid.push({ line, message });
  };

  const take = (line: number, result: RowResult) => {
    switch (result.kind) {
      case 'invalid':
        return invalid(line, result.message);
      case 'transfer':
        summary.transfers++;
        return;
      case 'skipped':
        summary.skipped++;
        return;
      case 'drafts':
        if (result.drafts.length === 0) summary.merged++;
        for (const draft of result.drafts) {
          try {
            const outcome = writer!.apply(draft);
            summary[outcome]++;
            if (outcome === 'inserted') summary.kinds[draft.type === 'lead' ? 'leads' : draft.type === 'payment' ? 'payments' : 'expenses']++;
          } catch (error) {
            if (error instanceof RowError) return invalid(line, error.message);
            throw error;
          }
        }
    }
  };

  if (db.inTransaction) throw new AppError('conflict', 'Another import is writing to this database; try again when it ends');
  // A big page cache keeps the index B-trees in memory for the length of the import.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${importCacheKiB === 0 ? cacheSize : -importCacheKiB}`);
  db.prepare('BEGIN IMMEDIATE').run();
  let committed = false;
  try {
    const completed = await readCsvFile(
      file,
      encoding,
      ({ fields, line }) => {
        if (!mapper) {
          const headers = fields.map((h) => h.trim());
          headerCount = headers.length;
          mapper = chooseMapper(db, headers, options);
          summary.format = mapper.format as FormatId | 'mapping';
          summary.formatLabel = mapper.label;
          summary.warnings.push(...headerWarnings(headers));
          summary.importId = Number(
            db
              .prepare(`INSERT INTO imports (file_name, format, started_at) VALUES (?, ?, ?)`)
              .run(fileName, mapper.format, now.toISOString()).lastInsertRowid,
          );
          writer = new ImportWriter(db, summary.importId, now);
          const target = mapper.format === 'mapping' ? options.mapping?.target : mapper.format;
          if (target && tablesOf[target] && isBulk(db, tablesOf[target][0]!, stat.size)) recreate = dropIndexes(db, tablesOf[target]);
          return;
        }
        summary.rows++;
        if (fields.length > headerCount && fields.slice(headerCount).some((f) => f.trim() !== '')) {
          return invalid(line, `has ${fields.length} fields; the header has ${headerCount}`);
        }
        const result = mapper.row(fields, line);
        if (result) take(line, result);
      },
      {
        chunkBytes: hooks.chunkBytes,
        onChunk: (bytes) => {
          hooks.onProgress?.({ rows: summary.rows, bytes, totalBytes: stat.size });
          return !hooks.isCancelled?.();
        },
      },
    );
    if (!completed) throw new ImportCancelled();
    if (!mapper) throw new AppError('invalid_input', `${fileName} is empty: there is no header row`);
    for (const { line, result } of mapper.finish?.() ?? []) take(line, result);
    writer!.flush();
    summary.createdSources = writer!.createdSources;
    if (summary.invalidCount > 0 && options.skipInvalid) summary.skipped += summary.invalidCount;
    const refused = summary.invalidCount > 0 && !options.skipInvalid;
    if (summary.kinds.expenses > 0 && summary.importId !== null) summary.subscriptionMatches = importMatches(db, summary.importId);
    if (!refused && !options.dryRun) {
      for (const sql of recreate) db.prepare(sql).run();
      db.prepare(`UPDATE imports SET inserted = ?, updated = ?, unchanged = ?, skipped = ? WHERE id = ?`).run(
        summary.inserted, summary.updated, summary.unchanged, summary.skipped, summary.importId,
      );
      db.prepare('COMMIT').run();
      committed = true;
      summary.applied = true;
    }
    if (!summary.applied) summary.importId = null;
    hooks.onProgress?.({ rows: summary.rows, bytes: stat.size, totalBytes: stat.size });
    return summary;
  } catch (error) {
    if (error instanceof CsvParseError) throw new AppError('invalid_input', `${fileName}: ${error.message}`);
    throw error;
  } finally {
    if (!committed && db.inTransaction) db.prepare('ROLLBACK').run();
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
