import type { Database } from 'better-sqlite3';
import { csvLine, textCell } from '../../shared/csv/escape';
import { currencyDigits, formatMinorPlain } from '../../shared/money';
import { ownHeaders, type OwnFormat } from './own-formats';

export type ExportKind = OwnFormat;
export type ExportOptions = {
  from?: string | undefined;
  to?: string | undefined;
  bom?: boolean;
  json?: boolean;
  basis?: 'cash' | 'usage' | undefined;
};

/** A raw record: the CSV header names as keys; text as stored, money as exact decimal strings. */
export type ExportRecord = Record<string, string | number | null>;

/** Rows per query; small batches keep the garbage young (10,000 doubled the GC time of a 1M export). */
const batchSize = 2000;

export const queries: Record<ExportKind, { columns: string; from: string; dateColumn: string }> = {
  leads: {
    columns: `l.id, l.ref, s.name AS source, l.title, l.client, l.url, l.stage, l.created_on, l.applied_on, l.closed_on, l.connects,
      l.boost_connects, l.connects_refunded, l.value_minor, l.currency, l.lost_reason, l.tags, l.notes, l.follow_up_on,
      l.invited, l.minutes_after_post, l.proposals_when_bid, l.viewed_on, l.boost_outcome`,
    from: 'leads l JOIN sources s ON s.id = l.source_id',
    dateColumn: 'l.created_on',
  },
  payments: {
    columns:
      'p.id, p.ref, p.date, s.name AS source, l.ref AS lead_ref, p.description, p.gross_minor, p.fee_minor, p.currency',
    from: 'payments p JOIN sources s ON s.id = p.source_id LEFT JOIN leads l ON l.id = p.lead_id',
    dateColumn: 'p.date',
  },
  expenses: {
    columns: 'e.id, e.ref, e.date, s.name AS source, e.category, e.description, e.amount_minor, e.currency, e.connects',
    from: 'expenses e LEFT JOIN sources s ON s.id = e.source_id',
    dateColumn: 'e.date',
  },
  time: {
    columns: 't.id, t.ref, t.date, s.name AS source, l.ref AS lead_ref, t.kind, t.minutes, t.note',
    from: 'time_entries t JOIN sources s ON s.id = t.source_id LEFT JOIN leads l ON l.id = t.lead_id',
    dateColumn: 't.date',
  },
};

export type Row = Record<string, string | number | null> & { id: number };

function money(minor: unknown, currency: unknown): string | null {
  return minor === null || minor === undefined ? null : formatMinorPlain(minor as number, currency as string);
}

/** Turns a database row into the record of docs/domain.md §2. */
export function toRecord(kind: ExportKind, r: Row): ExportRecord {
  if (kind === 'leads') {
    return {
      ref: r.ref!,
      source: r.source!,
      title: r.title!,
      client: r.client!,
      url: r.url!,
      stage: r.stage!,
      created_on: r.created_on!,
      applied_on: r.applied_on ?? null,
      closed_on: r.closed_on ?? null,
      connects: r.connects!,
      boost_connects: r.boost_connects!,
      connects_refunded: r.connects_refunded!,
      value: money(r.value_minor, r.currency),
      currency: r.currency!,
      lost_reason: r.lost_reason!,
      tags: r.tags!,
      notes: r.notes!,
      follow_up_on: r.follow_up_on ?? null,
      invited: r.invited ? 'yes' : null,
      minutes_after_post: r.minutes_after_post ?? null,
      proposals_when_bid: r.proposals_when_bid ?? null,
      viewed_on: r.viewed_on ?? null,
      boost_outcome: r.boost_outcome ?? null,
    };
  }
  if (kind === 'payments') {
    return {
      ref: r.ref!,
      date: r.date!,
      source: r.source!,
      lead_ref: r.lead_ref ?? null,
      description: r.description!,
      gross: money(r.gross_minor, r.currency),
      fee: money(r.fee_minor, r.currency),
      currency: r.currency!,
    };
  }
  if (kind === 'time') {
    return {
      ref: r.ref!,
      date: r.date!,
      source: r.source!,
      lead_ref: r.lead_ref ?? null,
      kind: r.kind!,
      minutes: r.minutes!,
      note: r.note!,
    };
  }
  return {
    ref: r.ref!,
    date: r.date!,
    source: r.source ?? null,
    category: r.category!,
    description: r.description!,
    amount: money(r.amount_minor, r.currency),
    currency: r.currency!,
    connects: r.connects!,
  };
}

// Which columns hold numbers (written bare: a negative amount is a number, not a formula).
const numeric = new Set([
  'connects',
  'boost_connects',
  'connects_refunded',
  'value',
  'gross',
  'fee',
  'amount',
  'created_on',
  'applied_on',
  'closed_on',
  'follow_up_on',
  'date',
  'currency',
  'stage',
  'category',
  'kind',
  'minutes',
  // docs/domain.md §8's bid facts: fixed words and counts, never a formula.
  'invited',
  'minutes_after_post',
  'proposals_when_bid',
  'viewed_on',
  'boost_outcome',
]);

export function csvRecordLine(kind: ExportKind, record: ExportRecord): string {
  return csvLine(
    ownHeaders[kind].map((h) => {
      const v = record[h];
      if (v === null || v === undefined) return '';
      return numeric.has(h) ? String(v) : textCell(String(v));
    }),
  );
}

// CSV cells straight from raw rows (arrays: better-sqlite3 makes no object per row). `text` passes
// the common cell (starts above '@' and below the full-width triggers U+FF0B..U+FF20, so no formula
// trigger, apostrophe or space; no quote, comma or line break; no trailing space) as is and hands
// every other one to textCell.
const quoteOrBreak = /[",\r\n]/;

function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  const s = v as string;
  const first = s.charCodeAt(0);
  if (first > 64 && (first < 0xff0b || first > 0xff20) && s.charCodeAt(s.length - 1) !== 32 && !quoteOrBreak.test(s))
    return s;
  return textCell(s);
}

function bare(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function amount(minor: unknown, currency: unknown): string {
  return minor === null || minor === undefined ? '' : formatMinorPlain(minor as number, currency as string);
}

// The digits of the last currency seen: files hold one or a few, and each row brings a fresh string.
let lastCurrency = '';
let lastDigits = 2;

/** formatMinorPlain with the currency's digits remembered between rows (the same text). */
function leadAmount(minor: unknown, currency: unknown): string {
  if (minor === null || minor === undefined) return '';
  if (currency !== lastCurrency) {
    lastCurrency = currency as string;
    lastDigits = currencyDigits(lastCurrency);
  }
  const m = minor as number;
  if (lastDigits !== 2 || m < 100) return formatMinorPlain(m, lastCurrency);
  // The common case (two digits, at least 1.00): whole part and two-digit cents.
  const cents = m % 100;
  return `${(m - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * The leads export reads the channel's id and takes its name from a table loaded once: no join
 * per row, and each name is escaped once (a handful of channels for a million leads).
 */
const leadsRawColumns = `l.id, l.ref, l.source_id, l.title, l.client, l.url, l.stage, l.created_on, l.applied_on, l.closed_on, l.connects,
      l.boost_connects, l.connects_refunded, l.value_minor, l.currency, l.lost_reason, l.tags, l.notes, l.follow_up_on,
      l.invited, l.minutes_after_post, l.proposals_when_bid, l.viewed_on, l.boost_outcome`;

function sourceCells(db: Database): string[] {
  const cells: string[] = [];
  for (const [id, name] of db.prepare('SELECT id, name FROM sources').raw().all() as [number, string][])
    cells[id] = text(name);
  return cells;
}

/** One CSV line from a raw row of `queries[kind]` (column 0 is the id; leads: `leadsRawColumns`, column 2 the channel's id): the cells of csvRecordLine. */
const rawLine: Record<ExportKind, (r: unknown[], sources: string[]) => string> = {
  leads: (r, sources) =>
    `${text(r[1])},${sources[r[2] as number] ?? ''},${text(r[3])},${text(r[4])},${text(r[5])},${r[6]},${r[7]},${bare(r[8])},${bare(r[9])},${r[10]},${r[11]},${r[12]},${leadAmount(r[13], r[14])},${r[14]},${text(r[15])},${text(r[16])},${text(r[17])},${bare(r[18])},${r[19] ? 'yes' : ''},${bare(r[20])},${bare(r[21])},${bare(r[22])},${bare(r[23])}\r\n`,
  payments: (r) =>
    `${text(r[1])},${bare(r[2])},${text(r[3])},${text(r[4])},${text(r[5])},${amount(r[6], r[8])},${amount(r[7], r[8])},${bare(r[8])}\r\n`,
  expenses: (r) =>
    `${text(r[1])},${bare(r[2])},${text(r[3])},${bare(r[4])},${text(r[5])},${amount(r[6], r[7])},${bare(r[7])},${bare(r[8])}\r\n`,
  time: (r) => `${text(r[1])},${bare(r[2])},${text(r[3])},${text(r[4])},${bare(r[5])},${bare(r[6])},${text(r[7])}\r\n`,
};

// The leads fast path: SQLite joins each row's cells into one line (concat_ws is one call per row,
// far cheaper than handing every cell to JS: docs/performance.md), the money already formatted.
// JS then checks the whole line with one full-match regex: exactly 21 commas (so no cell holds a
// comma and the split is unique), every text cell on text()'s pass-through path, every other cell
// free of quotes and line breaks. A line that fails (or a currency we cannot format in SQL) is
// rebuilt from its raw cells, so the output is byte for byte the one of rawLine.leads.
const textRe = '(?:[^\\x00-\\x40\\uFF0B-\\uFF20](?:[^",\\r\\n]*[^ ",\\r\\n])?)?';
const bareRe = '[^,"\\r\\n]*';
const cleanLeadLine = new RegExp(
  `^${textRe}(?:,${textRe}){3}(?:,${bareRe}){9}(?:,${textRe}){3},${bareRe}(?:,${bareRe}){5}$`,
);

/** SQL for formatMinorPlain(value_minor, currency): each known currency by its digits; unknown ones give a line break (the raw path then formats them). */
function valueSql(): string {
  const byDigits = new Map<number, string[]>();
  for (const code of Intl.supportedValuesOf('currency')) {
    const digits = currencyDigits(code);
    byDigits.set(digits, [...(byDigits.get(digits) ?? []), `'${code}'`]);
  }
  const v = 'l.value_minor';
  const branches = [...byDigits].map(([digits, codes]) => {
    const text =
      digits === 0
        ? `printf('%d', ${v})`
        : `printf('%s%d.%0${digits}d', iif(${v} < 0, '-', ''), abs(${v}) / ${10 ** digits}, abs(${v}) % ${10 ** digits})`;
    return `WHEN l.currency IN (${codes.join(',')}) THEN ${text}`;
  });
  return `CASE WHEN ${v} IS NULL THEN '' ${branches.join(' ')} ELSE char(10) END`;
}

let leadLineSql: string | undefined;

/** The 22 cells after the channel, joined with commas (the channel's cell goes in after the ref in JS). */
function leadLineColumns(): string {
  leadLineSql ??= `l.id, l.source_id, concat_ws(',', l.ref, l.title, l.client, l.url, l.stage, l.created_on, ifnull(l.applied_on, ''), ifnull(l.closed_on, ''),
    l.connects, l.boost_connects, l.connects_refunded, ${valueSql()}, l.currency, l.lost_reason, l.tags, l.notes, ifnull(l.follow_up_on, ''),
    iif(l.invited, 'yes', ''), ifnull(l.minutes_after_post, ''), ifnull(l.proposals_when_bid, ''), ifnull(l.viewed_on, ''), ifnull(l.boost_outcome, ''))`;
  return leadLineSql;
}

/** Bytes per write: one large write instead of one per batch. */
const chunkChars = 1 << 20;

async function writeLeadsCsv(
  db: Database,
  where: string,
  params: (after: number) => object,
  write: (text: string) => void | Promise<void>,
): Promise<number> {
  const lines = db
    .prepare(`SELECT ${leadLineColumns()} FROM leads l WHERE ${where} ORDER BY l.id LIMIT ${batchSize}`)
    .raw(true);
  const some = db
    .prepare(`SELECT ${leadsRawColumns} FROM leads l WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`)
    .raw(true);
  const sources = sourceCells(db);
  // One batch in one read transaction, so the raw cells of the lines the regex refused are the same rows.
  const batch = db.transaction((after: number): [string, number, number] => {
    const rows = lines.all(params(after)) as [number, number, string][];
    if (rows.length === 0) return ['', 0, after];
    const refused: number[] = [];
    for (let i = 0; i < rows.length; i++) if (!cleanLeadLine.test(rows[i]![2])) refused.push(rows[i]![0]);
    const raw = refused.length === 0 ? [] : (some.all(JSON.stringify(refused)) as unknown[][]);
    let out = '';
    let next = 0;
    for (let i = 0; i < rows.length; i++) {
      const [id, source, line] = rows[i]!;
      if (next < raw.length && raw[next]![0] === id) {
        out += rawLine.leads(raw[next++]!, sources);
      } else {
        const cut = line.indexOf(',');
        out += `${line.slice(0, cut)},${sources[source] ?? ''}${line.slice(cut)}\r\n`;
      }
    }
    return [out, rows.length, rows[rows.length - 1]![0]];
  });
  let after = 0;
  let count = 0;
  let out = '';
  for (;;) {
    const [text, n, last] = batch(after);
    if (n === 0) break;
    out += text;
    count += n;
    after = last;
    if (out.length >= chunkChars) {
      await write(out);
      out = '';
    }
  }
  if (out !== '') await write(out);
  return count;
}

/**
 * Streams an export in id order (so export → import → export is byte for byte the same), in
 * batches: no statement stays open between batches, so other calls can run. CSV lines are built
 * from raw rows; batches stay small so their garbage dies young (10,000 rows doubled GC time).
 */
export async function writeExport(
  db: Database,
  kind: ExportKind,
  options: ExportOptions,
  write: (text: string) => void | Promise<void>,
): Promise<number> {
  const { columns, from, dateColumn } = queries[kind];
  const alias = dateColumn.split('.')[0]!;
  const where: string[] = [`${alias}.id > @after`];
  if (options.from) where.push(`${dateColumn} >= @from`);
  if (options.to) where.push(`${dateColumn} <= @to`);
  const statement = db.prepare(
    `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${alias}.id LIMIT ${batchSize}`,
  );
  const params = (after: number) => ({ after, from: options.from ?? null, to: options.to ?? null });
  let after = 0;
  let count = 0;
  if (options.json) {
    await write('[');
    for (;;) {
      const rows = statement.all(params(after)) as Row[];
      if (rows.length === 0) break;
      let out = '';
      for (const row of rows) {
        out += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(toRecord(kind, row))}`;
        count++;
      }
      await write(out);
      after = rows[rows.length - 1]!.id;
    }
    await write(count === 0 ? ']\n' : '\n]\n');
    return count;
  }
  await write(`${options.bom ? '\uFEFF' : ''}${csvLine([...ownHeaders[kind]])}`);
  if (kind === 'leads') return writeLeadsCsv(db, where.join(' AND '), params, write);
  const raw = statement.raw(true);
  const sources: string[] = [];
  const line = rawLine[kind];
  for (;;) {
    const rows = raw.all(params(after)) as unknown[][];
    if (rows.length === 0) break;
    let out = '';
    for (let i = 0; i < rows.length; i++) out += line(rows[i]!, sources);
    count += rows.length;
    await write(out);
    after = rows[rows.length - 1]![0] as number;
  }
  return count;
}
