import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../../shared/api/result';
import { firstProblem } from './check-draft';
import type { LeadDraft, RowResult } from './drafts';
import { type ImportOptions, planFileWith, rowResult } from './file-plan';
import { CsvParseError } from './parser';
import { probe } from '../probes';
import { readCsvFile } from './read-file';
import { PlanChanged, PlanCheck } from './speculative-plan';
import type { TypeDecisions } from './type-decisions';
import type { ProjectMap } from '../time/time-projects-repo';

// A big import reads, maps and checks its rows in a worker thread while the main thread writes them
// (on 2 cores the two halves of a million-row import run side by side). The worker builds
// the same plan from the same file and facts, so its rows are exactly those the main thread would
// have made. Rows cross as JSON text, a lead as a flat array: a structured clone of a million draft
// objects costs the receiving thread three times what JSON.parse does (docs/performance.md). At most `inFlight`
// chunks wait for the writer: the worker pauses until the writer asks for more (peak RSS).

/** What the worker needs to build the plan the main thread made (speculative-plan.ts: decided from the first rows). */
export type ParseJob = {
  file: string;
  options: Pick<ImportOptions, 'as' | 'source' | 'kind'>;
  baseCurrency: string;
  decisions: TypeDecisions;
  /** Time trackers' saved project mapping (docs/domain.md §6). */
  projects?: ProjectMap | undefined;
  maxRows: number;
  /** The plan's decisions as the main thread made them; the worker refuses to go on with others. */
  expect: { format: string; notes: string[] };
};

type WorkerError = {
  kind: 'parse' | 'app' | 'other' | 'unavailable';
  message: string;
  line?: number;
  code?: ErrorCode;
  fields?: FieldError[] | undefined;
};
type ToMain = { batch: string; bytes: number } | { done: true; planChanged: boolean } | { error: WorkerError };

/**
 * A message holds up to 500 rows and ~48,000 characters of their cells, so that its JSON stays below
 * V8's large-object size (128 KB) and dies young. Batches of a whole 1 MB chunk were large objects,
 * freed only by full collections, which raised peak RSS (docs/performance.md).
 */
const batchRows = 500;
const batchChars = 48_000;
/** Messages the writer may have waiting (~20,000 rows). */
const inFlight = 40;

// decodeLead reads them back in this order, from index 2.
const leadKeys = [
  'ref',
  'source',
  'title',
  'client',
  'url',
  'stage',
  'created_on',
  'applied_on',
  'closed_on',
  'connects',
  'boost_connects',
  'connects_refunded',
  'value_minor',
  'currency',
  'lost_reason',
  'tags',
  'notes',
  'follow_up_on',
  'invited',
  'minutes_after_post',
  'proposals_when_bid',
  'viewed_on',
  'boost_outcome',
] as const satisfies readonly Exclude<keyof LeadDraft, 'type'>[];

/** One row as it crosses: [line, 0, ...a lead's values] for a single valid lead, else [line, 1, result, problem]. */
function encode(out: unknown[], line: number, result: RowResult): void {
  if (result.kind === 'drafts') {
    const problem = firstProblem(result.drafts);
    const only = result.drafts.length === 1 && !result.fee ? result.drafts[0]! : undefined;
    if (problem === null && only?.type === 'lead') {
      const row: unknown[] = [line, 0];
      for (const key of leadKeys) row.push(only[key]);
      out.push(row);
      return;
    }
    out.push([line, 1, result, problem]);
    return;
  }
  out.push([line, 1, result, null]);
}

/** Back to a draft, as an object literal: one built key by key goes to V8's slow dictionary mode. */
function decodeLead(r: unknown[]): RowResult {
  const draft = {
    type: 'lead',
    ref: r[2],
    source: r[3],
    title: r[4],
    client: r[5],
    url: r[6],
    stage: r[7],
    created_on: r[8],
    applied_on: r[9],
    closed_on: r[10],
    connects: r[11],
    boost_connects: r[12],
    connects_refunded: r[13],
    value_minor: r[14],
    currency: r[15],
    lost_reason: r[16],
    tags: r[17],
    notes: r[18],
    follow_up_on: r[19],
    invited: r[20],
    minutes_after_post: r[21],
    proposals_when_bid: r[22],
    viewed_on: r[23],
    boost_outcome: r[24],
  } as LeadDraft;
  return { kind: 'drafts', drafts: [draft] };
}

/** Fault injection for tests: the worker stops (as if it crashed) on reaching this line of the file. */
const stopAtLine = () => Number(process.env.LEADLEDGER_IMPORT_WORKER_STOP_AT_LINE ?? 0);

/** The worker's side: plan, read, map, check, hand over; stops when the file ends or the main thread goes. */
export async function parseInWorker(port: MessagePort, job: ParseJob): Promise<void> {
  const post = (message: ToMain) => port.postMessage(message);
  let credits = inFlight;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
    wake = undefined;
  });
  try {
    const plan = await planFileWith(
      { baseCurrency: job.baseCurrency, decisions: () => job.decisions, projects: () => job.projects ?? {} },
      job.file,
      job.options,
      { maxRows: job.maxRows },
    );
    if (
      !plan.profile ||
      !plan.layout ||
      plan.mapper.format !== job.expect.format ||
      JSON.stringify(plan.profile.notes) !== JSON.stringify(job.expect.notes)
    ) {
      post({ error: { kind: 'unavailable', message: 'it planned the file differently from the import' } });
      return;
    }
    const check = new PlanCheck(plan as typeof plan & { profile: NonNullable<typeof plan.profile> });
    const stopAt = stopAtLine();
    let header = true;
    let batch: unknown[] = [];
    let chars = 0;
    let bytes = 0;
    const post1 = () => {
      post({ batch: JSON.stringify(batch), bytes });
      batch = [];
      chars = 0;
      credits--;
    };
    // Between chunks of the file: wait while the writer has enough to do.
    const pause = async (read: number) => {
      bytes = read;
      while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    };
    await readCsvFile(
      job.file,
      plan.encoding,
      ({ fields, line }) => {
        if (header) {
          header = false;
          return;
        }
        if (line === stopAt) process.exit(70);
        for (const field of fields) chars += field.length;
        check.add(fields, line);
        encode(batch, line, rowResult(plan, fields, line));
        if (batch.length >= batchRows || chars >= batchChars) post1();
      },
      { delimiter: plan.delimiter, onChunk: pause },
    );
    bytes = fs.statSync(job.file).size;
    if (batch.length) post1();
    let planChanged = false;
    try {
      check.confirm();
    } catch (error) {
      if (!(error instanceof PlanChanged)) throw error;
      planChanged = true;
    }
    post({ done: true, planChanged });
  } catch (error) {
    if (error instanceof CsvParseError) post({ error: { kind: 'parse', message: error.message, line: error.line } });
    else if (error instanceof AppError)
      post({ error: { kind: 'app', message: error.message, code: error.code, fields: error.fields } });
    else post({ error: { kind: 'other', message: error instanceof Error ? error.message : String(error) } });
  } finally {
    port.close();
  }
}

/**
 * The worker failed (could not load, ran out of its memory, stopped): not the file's fault. `fed`: rows
 * were handed over already (the import must start again reading in-thread), else the caller can go on
 * reading in-thread at once.
 */
export class WorkerUnavailable extends Error {
  constructor(
    cause: unknown,
    readonly fed: boolean,
  ) {
    super(`the parse worker failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WorkerUnavailable';
  }
}

/** The rows of a file, parsed by a worker; `run` feeds them to the import in file order. */
export type ParsedRows = {
  /** True once `run` resolved true: the worker confirmed the plan against every row. */
  readonly checked: boolean;
  /**
   * Calls `onRow` for every row, `onChunk` after each chunk with the bytes read (false: cancel).
   * Resolves true at the end, false when cancelled; throws PlanChanged when the whole file reads
   * otherwise than its first rows, and what the worker hit (a CsvParseError, an AppError) as such.
   */
  run(
    onRow: (line: number, result: RowResult, problem: string | null) => void,
    onChunk: (bytes: number) => boolean,
  ): Promise<boolean>;
};

/** The built worker next to this bundle, or (tests, tsx) the TypeScript source through tsx; undefined when neither is there. */
function workerEntry(): { url: URL; source?: string } | undefined {
  // out/cli/parse-worker.mjs beside the CLI bundle; out/main/parse-worker.js one up from Electron's shared chunk.
  for (const name of ['./parse-worker.mjs', './parse-worker.js', '../parse-worker.js']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url };
  }
  const source = new URL('./parse-worker.ts', import.meta.url);
  if (source.protocol !== 'file:' || !fs.existsSync(fileURLToPath(source))) return undefined;
  return {
    url: source,
    source: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); })`,
  };
}

/** Starts parsing `job.file` in a worker thread, or returns undefined when there is no worker to start (the import then reads in-thread). */
export function startParseWorker(job: ParseJob): ParsedRows | undefined {
  if (process.env.LEADLEDGER_IMPORT_WORKER === '0') return undefined;
  const entry = workerEntry();
  if (!entry) return undefined;
  let worker: Worker;
  try {
    worker = entry.source
      ? new Worker(entry.source, { eval: true, workerData: job, resourceLimits: limits() })
      : new Worker(entry.url, { workerData: job, resourceLimits: limits() });
  } catch {
    return undefined;
  }
  let started = false;
  const rows = {
    checked: false,
    run: (onRow: Parameters<ParsedRows['run']>[0], onChunk: Parameters<ParsedRows['run']>[1]) =>
      new Promise<boolean>((resolve, reject) => {
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          void worker.terminate();
          outcome();
        };
        worker.on('message', (message: ToMain) => {
          if (settled) return;
          started = true;
          try {
            if ('batch' in message) {
              for (const row of JSON.parse(message.batch) as unknown[][]) {
                const line = row[0] as number;
                if (row[1] === 0) onRow(line, decodeLead(row), null);
                else onRow(line, row[2] as RowResult, row[3] as string | null);
              }
              if (!onChunk(message.bytes)) return finish(() => resolve(false));
              worker.postMessage('more');
            } else if ('done' in message) {
              finish(() => {
                if (message.planChanged) return reject(new PlanChanged());
                rows.checked = true;
                probe('parseWorkerRun'); // a worker fed the whole file (tests tell it from the in-thread fallback)
                resolve(true);
              });
            } else {
              const e = message.error;
              const error =
                e.kind === 'parse'
                  ? new CsvParseError(e.message, e.line ?? 0)
                  : e.kind === 'app'
                    ? new AppError(e.code!, e.message, e.fields)
                    : new WorkerUnavailable(e.message, e.kind !== 'unavailable');
              finish(() => reject(error));
            }
          } catch (error) {
            finish(() => reject(error));
          }
        });
        worker.on('error', (error) => finish(() => reject(new WorkerUnavailable(error, started))));
        worker.on('exit', (code) =>
          finish(() => reject(new WorkerUnavailable(`it stopped (exit ${code}) before the end of the file`, started))),
        );
      }),
  };
  return rows;
}
/**
 * The worker's heap: a small young generation keeps peak RSS down (docs/performance.md); the old one
 * holds what a mapper remembers (derived keys of rows without a ref).
 * A worker that runs out of it fails the import's pass, which then starts again in-thread.
 */
const limits = () => ({
  maxYoungGenerationSizeMb: 8,
  maxOldGenerationSizeMb: Number(process.env.LEADLEDGER_IMPORT_WORKER_HEAP_MB ?? 128),
});
