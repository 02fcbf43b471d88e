import fs from 'node:fs';
import type { Ctx } from '../context';
import { type ExportOptions, writeExport } from '../csv/export';
import type { OwnFormat } from '../csv/own-formats';
import { assertNotOpenDatabase } from '../db/open-files';
import { exportReport } from './report-export';
import type { Attribution } from '../../shared/api/schemas/reports';

export type ExportKindAll = OwnFormat | 'report';

/** Writes an export through `sink` (awaiting back-pressure); returns the number of records. */
export async function exportTo(ctx: Ctx, kind: ExportKindAll, options: ExportOptions & { attribution?: Attribution | undefined }, sink: (text: string) => void | Promise<void>): Promise<number> {
  if (kind === 'report') {
    const { text, rows } = exportReport(ctx, options);
    await sink(text);
    return rows;
  }
  return writeExport(ctx.db, kind, options, sink);
}

/** Exports into a file: written to a temp name beside it and renamed, so a failure leaves no half file. */
export async function exportToFile(ctx: Ctx, kind: ExportKindAll, options: ExportOptions & { attribution?: Attribution | undefined }, file: string): Promise<number> {
  assertNotOpenDatabase(file, [ctx.dbPath]); // renaming an export over the database would destroy it
  const temp = `${file}.partial-${process.pid}`;
  const fd = fs.openSync(temp, 'w');
  try {
    const rows = await exportTo(ctx, kind, options, (text) => {
      fs.writeSync(fd, text);
    });
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
    return rows;
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
