import path from 'node:path';
import type { ReadableDB } from '../db/handles';
import { AppError } from '../../shared/api/result';
import { formatMinorPlain } from '../../shared/money';
import { checkDraft } from './check-draft';
import type { RowResult } from './drafts';
import { planFile, readAsNotes } from './file-plan';
import { UnknownLayout } from './formats';
import { CsvParseError } from './parser';
import { readCsvFile } from './read-file';

/** One row of a recognised file as the import will read it (the import preview). */
export type ReadRow = {
  line: number;
  kind: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
  message: string | null;
};

export type LayoutInspection = {
  layout: { id: string; label: string; platform: string; recognisedBy: string[]; readAs: string[] } | null;
  /** Why the file cannot be read as it is (another platform report, ambiguous dates …): the wizard is offered. */
  problem: string | null;
  rows: ReadRow[];
};

const previewRows = 10;
/** The preview decides the decimal separator and date formats from this many rows; the import from all. */
const decideFrom = 2000;

function describe(line: number, result: RowResult): ReadRow[] {
  const base = { line, date: '', amount: '', currency: '', description: '', message: null as string | null };
  switch (result.kind) {
    case 'invalid':
      return [{ ...base, kind: 'invalid', message: result.message }];
    case 'unknown-type':
      return [{ ...base, kind: 'unknown type', description: result.type, message: result.message }];
    case 'transfer':
      return [{ ...base, kind: 'transfer', description: result.reason ?? '' }];
    case 'skipped':
      return [{ ...base, kind: 'skipped', message: result.reason }];
    case 'drafts':
      if (result.drafts.length === 0) return [{ ...base, kind: 'fee', message: 'joined to its payment' }];
      return result.drafts.map((d) => {
        const problem = checkDraft(d);
        if (d.type === 'time') {
          return {
            ...base,
            currency: '',
            message: problem,
            kind: problem ? 'invalid' : `time (${d.kind})`,
            date: d.date,
            amount: `${d.minutes} min`,
            description: d.note || d.lead_ref || d.source,
          };
        }
        const common = { ...base, currency: d.currency, message: problem };
        if (d.type === 'lead')
          return {
            ...common,
            kind: problem ? 'invalid' : 'lead',
            date: d.created_on,
            amount: d.value_minor === null ? '' : formatMinorPlain(d.value_minor, d.currency),
            description: d.title,
          };
        if (d.type === 'payment')
          return {
            ...common,
            kind: problem ? 'invalid' : result.fee ? 'fee' : 'payment',
            date: d.date,
            amount: formatMinorPlain(d.gross_minor, d.currency),
            description: d.description,
          };
        return {
          ...common,
          kind: problem ? 'invalid' : `expense (${d.category})`,
          date: d.date,
          amount: formatMinorPlain(d.amount_minor, d.currency),
          description: d.description,
        };
      });
  }
}

/** The recognised layout of a file and its first rows as they will be read; nothing is written. */
export async function inspectLayout(db: ReadableDB, file: string): Promise<LayoutInspection> {
  let plan;
  try {
    plan = await planFile(db, file, {}, { maxRows: decideFrom });
  } catch (error) {
    // The app's own words: the wizard is right below, never "pass --mapping NAME".
    if (error instanceof UnknownLayout) return { layout: null, problem: error.forApp, rows: [] };
    if (error instanceof AppError && error.code === 'invalid_input')
      return { layout: null, problem: error.message, rows: [] };
    throw error;
  }
  const rows: ReadRow[] = [];
  const stop = new Error('preview done');
  let header = true;
  try {
    await readCsvFile(
      file,
      plan.encoding,
      ({ fields, line }) => {
        if (header) {
          header = false;
          return;
        }
        rows.push(...describe(line, plan.mapper.row(fields, line)));
        if (rows.length >= previewRows) throw stop;
      },
      { delimiter: plan.delimiter },
    );
  } catch (error) {
    if (error instanceof CsvParseError) throw new AppError('invalid_input', `${path.basename(file)}: ${error.message}`);
    if (error !== stop) throw error;
  }
  const layout = plan.layout!;
  return {
    layout: {
      id: layout.id,
      label: layout.label,
      platform: layout.platform,
      recognisedBy: plan.recognisedBy,
      readAs: readAsNotes(plan),
    },
    problem: null,
    rows,
  };
}
