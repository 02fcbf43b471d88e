import path from 'node:path';
import type { ReadableDB } from '../db/handles';
import { AppError } from '../../shared/api/result';
import { cleanHeaders, type Delimiter } from '../../shared/csv/headers';
import { typeDecisions } from './import-decisions-repo';
import { baseCurrency } from '../db/settings-repo';
import type { Mapper, RowResult } from './drafts';
import { FileProfile } from './file-profile';
import { type ImportAs, mapperFor, mappingMapper, resolveLayout } from './formats';
import { type ColumnMapping } from './column-mapping';
import type { Layout } from './layouts';
import { CsvParseError } from './parser';
import { detectDelimiter, detectEncoding, type Encoding, readCsvFile, readHead } from './read-file';
import type { TypeDecisions } from './type-decisions';
import { repairHeaders } from './header-repair';
import { type ProjectMap, projectMap } from '../time/time-projects-repo';
import type { TimeKind } from '../../shared/api/schemas/time';

// How an import reads its file: encoding, delimiter, layout, mapper, and (from a pass over the rows)
// the decimal separator and date formats. Apart from the import engine so that a parse worker
// (parse-worker.ts) can build the same plan without a database connection.

export type ImportOptions = {
  fileName?: string;
  as?: ImportAs | undefined;
  source?: string | undefined;
  /** Time trackers: the whole file's kind (CLI --kind; docs/domain.md §6). */
  kind?: TimeKind | undefined;
  mapping?: ColumnMapping | undefined;
  skipInvalid?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** The preview's ticks: imported rows (by key) that are a typed record (docs/domain.md §7). */
  sameAs?: readonly { ref: string; id: number }[] | undefined;
};

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was imported');
    this.name = 'ImportCancelled';
  }
}

export function decisionsFor(db: ReadableDB, platform: string): TypeDecisions {
  const saved = typeDecisions(db, platform);
  const out: TypeDecisions = {};
  for (const [key, d] of Object.entries(saved)) {
    if (d.as === 'expense' && d.category) out[key] = { as: 'expense', category: d.category as never };
    else if (d.as === 'payment' || d.as === 'fee' || d.as === 'transfer' || d.as === 'ignore') out[key] = { as: d.as };
  }
  return out;
}

/** How the file is laid out and how to read it: decided from its header, and (for a layout) all its cells. */
export type FilePlan = {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  /** Fields in the header line as written (a trailing empty column included). */
  width: number;
  /** Header names a wrong decoding damaged (U+FFFD or `?` for a letter), read letter for letter around them. */
  damaged?: boolean;
  layout: Layout | undefined;
  recognisedBy: string[];
  profile: FileProfile | undefined;
  mapper: Mapper;
};

/** The header of `file`, cleaned (docs/domain.md §3), with the file's encoding and delimiter. */
export async function readHeader(
  file: string,
): Promise<{ encoding: Encoding; delimiter: Delimiter; headers: string[]; width: number; damaged: boolean }> {
  const encoding = await detectEncoding(file);
  const delimiter = await detectDelimiter(file, encoding);
  let first;
  try {
    first = (await readHead(file, encoding, 1, delimiter))[0];
  } catch (error) {
    if (error instanceof CsvParseError) throw new AppError('invalid_input', `${path.basename(file)}: ${error.message}`);
    throw error;
  }
  if (!first) throw new AppError('invalid_input', `${path.basename(file)} is empty: there is no header row`);
  const { headers, damaged } = repairHeaders(cleanHeaders(first.fields));
  return { encoding, delimiter, headers, width: first.fields.length, damaged };
}

/**
 * Recognises the file and chooses its mapper. With `scan`, reads every row once first (streamed,
 * nothing kept but counters) to decide the decimal separator and date formats and let Upwork fees
 * find their payment; throws invalid_input when the file cannot be decided.
 */
export type Scan = {
  onBytes?: (bytes: number) => boolean;
  chunkBytes?: number | undefined;
  /** A preview decides from the first rows only. */ maxRows?: number;
};

const enough = new Error('enough rows');

/** What a plan needs from the database: read on the main thread, handed to a parse worker as data. */
export type PlanFacts = {
  baseCurrency: string;
  decisions: (platform: string) => TypeDecisions;
  projects?: () => ProjectMap;
};

export function planFactsOf(db: ReadableDB): PlanFacts {
  return {
    baseCurrency: baseCurrency(db),
    decisions: (platform) => decisionsFor(db, platform),
    projects: () => projectMap(db),
  };
}

export function planFile(db: ReadableDB, file: string, options: ImportOptions, scan: Scan | false): Promise<FilePlan> {
  return planFileWith(planFactsOf(db), file, options, scan);
}

/** planFile without a connection: the same plan from the same facts (parse-worker.ts builds its own). */
export async function planFileWith(
  facts: PlanFacts,
  file: string,
  options: ImportOptions,
  scan: Scan | false,
): Promise<FilePlan> {
  const { encoding, delimiter, headers, width, damaged } = await readHeader(file);
  const base = { baseCurrency: facts.baseCurrency, source: options.source };
  if (options.mapping) {
    return {
      encoding,
      delimiter,
      headers,
      width,
      damaged,
      layout: undefined,
      recognisedBy: [],
      profile: undefined,
      mapper: mappingMapper(options.mapping, width, base),
    };
  }
  const { layout, because } = resolveLayout(headers, options.as);
  const profile = new FileProfile(headers, layout, delimiter);
  const mapper = mapperFor(layout.id, headers, profile, {
    ...base,
    decisions: facts.decisions(layout.platform),
    kind: options.kind,
    projects: layout.platform === 'tracker' && !options.source ? facts.projects?.() : undefined,
  });
  if (scan) {
    let header = true;
    let rows = 0;
    try {
      const completed = await readCsvFile(
        file,
        encoding,
        ({ fields, line }) => {
          if (header) {
            header = false;
            return;
          }
          profile.add(fields, line);
          mapper.prescan?.(fields, line);
          if (scan.maxRows !== undefined && ++rows >= scan.maxRows) throw enough;
        },
        { delimiter, chunkBytes: scan.chunkBytes, onChunk: scan.onBytes },
      );
      if (!completed) throw new ImportCancelled();
    } catch (error) {
      if (error instanceof CsvParseError)
        throw new AppError('invalid_input', `${path.basename(file)}: ${error.message}`);
      if (error !== enough) throw error;
    }
    profile.decide();
  }
  return { encoding, delimiter, headers, width, damaged, layout, recognisedBy: because, profile, mapper };
}

/** What a data row (not the header) of the file comes to: refused when it has cells beyond the header's, else mapped. */
export function rowResult(plan: FilePlan, fields: readonly string[], line: number): RowResult {
  if (fields.length > plan.width && fields.slice(plan.width).some((f) => f.trim() !== '')) {
    return {
      kind: 'invalid',
      message: `has ${fields.length} fields; the header has ${plan.width}`,
      reason: 'too many fields',
    };
  }
  return plan.mapper.row(fields, line);
}

export function readAsNotes(plan: FilePlan): string[] {
  const notes = [
    { ',': 'comma-separated', ', ': 'separated by ", "', ';': 'semicolon-separated', '\t': 'tab-separated' }[
      plan.delimiter
    ],
  ];
  if (plan.profile) notes.push(...plan.profile.notes);
  if (plan.damaged)
    notes.push(
      "the file's text was damaged by a wrong decoding (� or ? where a letter was): names read letter for letter around them",
    );
  notes.push(...(plan.mapper.notes?.() ?? []));
  return notes;
}
