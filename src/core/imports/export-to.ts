import type { ReadCtx } from '../context';
import { type ExportOptions, writeExport } from '../csv/export';
import type { OwnFormat } from '../csv/own-formats';
import { assertNotOpenDatabase } from '../db/open-files';
import { writeOutputFile } from './output-file';
import { exportReport } from '../reports/report-export';
import type { Attribution } from '../../shared/api/schemas/reports';

export type ExportKindAll = OwnFormat | 'report';

/** Writes an export through `sink` (awaiting back-pressure); returns the number of records. */
export async function exportTo(
  ctx: ReadCtx,
  kind: ExportKindAll,
  options: ExportOptions & { attribution?: Attribution | undefined },
  sink: (text: string) => void | Promise<void>,
): Promise<number> {
  if (kind === 'report') {
    const { text, rows } = exportReport(ctx, options);
    await sink(text);
    return rows;
  }
  return writeExport(ctx.db, kind, options, sink);
}

/** Exports into the file the user pointed at, as writeOutputFile writes it (whole or not at all, never replacing a pipe or a device). */
export async function exportToFile(
  ctx: ReadCtx,
  kind: ExportKindAll,
  options: ExportOptions & { attribution?: Attribution | undefined },
  file: string,
): Promise<number> {
  assertNotOpenDatabase(file, [ctx.dbPath]); // renaming an export over the database would destroy it
  return writeOutputFile(file, (write) => exportTo(ctx, kind, options, write));
}
