import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { ColumnMapping, Inspection, PreviewRow, SavedMapping } from '../../shared/api/schemas/csv';
import { guessDateFormat } from '../../shared/csv/dates';
import { cleanHeaders, headerSignature, indexHeaders } from '../../shared/csv/headers';
import type { Ctx, ReadCtx } from '../context';
import { registeredFile } from '../csv/file-registry';
import { detectFormat, formatLabels, mappingMapper } from '../csv/formats';
import { ownAliases, ownHeaders } from '../csv/own-formats';
import { feeReadAsCost } from '../csv/wizard-money';
import { wizardTimeFields } from '../csv/wizard-time';
import { CsvParseError } from '../csv/parser';
import { detectDelimiter, detectEncoding, readHead } from '../csv/read-file';
import { deleteMappingRecord, findMappingByName, listMappingRecords, upsertMapping } from './mappings-repo';
import { baseCurrency } from '../db/settings-repo';

type Mapping = z.output<typeof ColumnMapping>;

const requiredFields: Record<Mapping['target'], readonly string[]> = {
  leads: ['title', 'created_on'],
  payments: ['date', 'gross'],
  expenses: ['date', 'category', 'amount'],
  time: ['date'],
};
/** The wizard's fields of each target, in the order of our CSV headers (time: docs/domain.md §6, payments with Net: §3). */
const targetFields: Record<Mapping['target'], readonly string[]> = {
  leads: ownHeaders.leads,
  payments: [...ownHeaders.payments, 'net'],
  expenses: ownHeaders.expenses,
  time: wizardTimeFields,
};
const extraAliases: Record<string, Record<string, readonly string[]>> = {
  payments: { net: ['net', 'netto', 'neto', 'net amount'] },
  time: {
    ref: ['ref', 'id'],
    date: ['date', 'start date', 'day'],
    minutes: ['minutes', 'mins'],
    duration: ['duration', 'hours', 'time', 'duration (h)'],
    source: ['source', 'channel', 'platform'],
    lead_ref: ['lead_ref', 'lead'],
    kind: ['kind'],
    note: ['note', 'notes', 'description', 'task'],
  },
};
const dateFields = ['created_on', 'applied_on', 'closed_on', 'follow_up_on', 'date'];

async function head(file: string, records: number) {
  const encoding = await detectEncoding(file);
  const delimiter = await detectDelimiter(file, encoding);
  let rows;
  try {
    rows = await readHead(file, encoding, records, delimiter);
  } catch (error) {
    // An oversized or unclosed record is the file's fault, said with its line (docs/domain.md §2.7).
    if (error instanceof CsvParseError) throw new AppError('invalid_input', error.message);
    throw error;
  }
  if (rows.length === 0) throw new AppError('invalid_input', 'The file is empty: there is no header row');
  return { encoding, headers: cleanHeaders(rows[0]!.fields), rows: rows.slice(1) };
}

function savedMappings(ctx: ReadCtx, signature: string | undefined): SavedMapping[] {
  return listMappingRecords(ctx.db)
    .map((r) => ({
      id: r.id,
      name: r.name,
      target: r.target,
      mapping: JSON.parse(r.mapping_json) as Mapping,
      matches: r.header_signature === signature,
    }))
    .sort((a, b) => Number(b.matches) - Number(a.matches));
}

export async function inspectFile(ctx: ReadCtx, fileId: string): Promise<Inspection> {
  const file = registeredFile(fileId, 'read');
  const { encoding, headers, rows } = await head(file.path, 21);
  const format = detectFormat(headers) ?? null;
  const suggestions: Record<string, Mapping> = {};
  const dateNotes: Record<string, string> = {};
  for (const target of ['leads', 'payments', 'expenses', 'time'] as const) {
    const aliases = {
      ...(target === 'time' ? {} : (ownAliases[target] as Record<string, readonly string[]>)),
      ...extraAliases[target],
    };
    const columns = indexHeaders(headers, aliases) as Record<string, number>;
    const dateSamples = Object.entries(columns)
      .filter(([f]) => dateFields.includes(f))
      .flatMap(([, i]) => rows.map((r) => r.fields[i] ?? ''));
    // docs/domain.md §3: the format that reads every row shown is proposed; the wizard says when none does.
    const guessed = guessDateFormat(dateSamples);
    if (!guessed && dateSamples.some((d) => d.trim() !== ''))
      dateNotes[target] = 'No date format reads every row shown: choose one, and the rows it cannot read are listed';
    suggestions[target] = { target, columns, dateFormat: guessed ?? 'YYYY-MM-DD', decimal: '.' };
  }
  return {
    fileName: file.name,
    encoding,
    headers,
    format,
    formatLabel: format ? formatLabels[format] : null,
    preview: rows.slice(0, 10).map((r) => r.fields),
    mappings: savedMappings(ctx, headerSignature(headers)),
    suggestions,
    dateNotes,
    fields: Object.fromEntries(
      (['leads', 'payments', 'expenses', 'time'] as const).map((t) => [
        t,
        targetFields[t].map((name) => ({ name, required: requiredFields[t].includes(name) })),
      ]),
    ),
  };
}

/** The first rows as the mapping reads them, each validated like the import will (no database writes). */
export async function previewMapping(
  ctx: ReadCtx,
  fileId: string,
  mapping: Mapping,
  count = 20,
): Promise<{ rows: PreviewRow[] }> {
  const file = registeredFile(fileId, 'read');
  const { headers, rows } = await head(file.path, count + 1);
  const missing = requiredFields[mapping.target].filter(
    (f) => mapping.columns[f] === undefined && !(f === 'source' && mapping.source),
  );
  if (mapping.target === 'time' && mapping.columns.minutes === undefined && mapping.columns.duration === undefined)
    missing.push('minutes or duration');
  const mapper = mappingMapper(mapping, headers.length, { baseCurrency: baseCurrency(ctx.db), source: mapping.source });
  const flipped = 'flipped' in mapper ? (mapper.flipped as () => number) : undefined;
  let seen = 0;
  return {
    rows: rows.map(({ fields, line }) => {
      const values: Record<string, string> = {};
      for (const [field, index] of Object.entries(mapping.columns)) values[field] = fields[index] ?? '';
      const result = mapper.row(fields, line);
      const error = missing.length
        ? `Choose a column for ${missing.join(', ')}`
        : result?.kind === 'invalid'
          ? result.message
          : null;
      // The preview says when a fee was read as a cost (docs/domain.md §3) or an entry was under half a minute.
      const note =
        result.kind === 'skipped' ? `skipped: ${result.reason}` : flipped && flipped() > seen ? feeReadAsCost : null;
      if (flipped) seen = flipped();
      return { line, values, error, note };
    }),
  };
}

export async function saveMapping(
  ctx: Ctx,
  input: { name: string; fileId: string; mapping: Mapping },
): Promise<SavedMapping> {
  const file = registeredFile(input.fileId, 'read');
  const { headers } = await head(file.path, 1);
  mappingMapper(input.mapping, headers.length, { baseCurrency: baseCurrency(ctx.db) });
  const signature = headerSignature(headers);
  upsertMapping(ctx.db, {
    name: input.name,
    header_signature: signature,
    target: input.mapping.target,
    mapping_json: JSON.stringify(input.mapping),
    created_at: ctx.now().toISOString(),
  });
  const saved = savedMappings(ctx, signature).find((m) => m.name.toLowerCase() === input.name.toLowerCase());
  if (!saved) throw fieldError('name', 'The mapping could not be saved');
  return saved;
}

export function listMappings(ctx: ReadCtx, signature?: string): SavedMapping[] {
  return savedMappings(ctx, signature);
}

/** A saved mapping by name; it must have been made for the same header. */
export function mappingByName(ctx: Ctx, name: string, headers: readonly string[]): Mapping {
  const row = findMappingByName(ctx.db, name);
  if (!row) throw new AppError('not_found', `No saved mapping is named "${name}"`);
  if (row.header_signature !== headerSignature(headers)) {
    throw new AppError('invalid_input', `The mapping "${row.name}" was saved for a file with other columns`);
  }
  return JSON.parse(row.mapping_json) as Mapping;
}

export async function headersOf(file: string): Promise<string[]> {
  return (await head(file, 1)).headers;
}

export function deleteMapping(ctx: Ctx, id: number): { deleted: boolean } {
  return { deleted: deleteMappingRecord(ctx.db, id) };
}
