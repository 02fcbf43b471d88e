import type { Database } from 'better-sqlite3';
import { csvLine, textCell } from '../../shared/csv/escape';
import { currencyDigits, formatMinorPlain } from '../../shared/money';
import type { Columns, CsvCell } from '../db/columns';
import { expenseColumns } from '../expenses/expense-columns';
import { leadColumns } from '../leads/lead-columns';
import { paymentColumns } from '../payments/payment-columns';
import { timeColumns } from '../time/time-columns';
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

type CsvColumn = { name: string; header: string; cell: CsvCell; nullable: boolean };

/** Each format's table: its column descriptor (docs/architecture.md, "One definition per row"), alias and joins. */
const tables: Record<ExportKind, { columns: Columns; alias: string; from: string }> = {
  leads: { columns: leadColumns, alias: 'l', from: 'leads l JOIN sources s ON s.id = l.source_id' },
  payments: {
    columns: paymentColumns,
    alias: 'p',
    from: 'payments p JOIN sources s ON s.id = p.source_id LEFT JOIN leads l ON l.id = p.lead_id',
  },
  expenses: { columns: expenseColumns, alias: 'e', from: 'expenses e LEFT JOIN sources s ON s.id = e.source_id' },
  time: {
    columns: timeColumns,
    alias: 't',
    from: 'time_entries t JOIN sources s ON s.id = t.source_id LEFT JOIN leads l ON l.id = t.lead_id',
  },
};

/** The CSV columns of each format, in header order. */
const csvColumns = Object.fromEntries(
  Object.entries(tables).map(([kind, { columns }]) => [
    kind,
    Object.entries(columns).flatMap(([name, c]) =>
      c.csv ? [{ name, header: c.csv[0], cell: c.csv[1], nullable: c.nullable }] : [],
    ),
  ]),
) as Record<ExportKind, CsvColumn[]>;

/** A record column as SQL, named as its header: the channel's and the lead's names from the joins. */
function recordColumn(alias: string, c: CsvColumn): string {
  if (c.cell === 'channel') return `s.name AS ${c.header}`;
  if (c.cell === 'leadRef') return `l.ref AS ${c.header}`;
  return c.name === c.header ? `${alias}.${c.name}` : `${alias}.${c.name} AS ${c.header}`;
}

/** A raw CSV column as SQL: the channel's id (named from a table loaded once), the lead's ref from the join. */
function rawColumn(alias: string, c: CsvColumn): string {
  return c.cell === 'leadRef' ? 'l.ref' : `${alias}.${c.name}`;
}

const byKind = <T>(f: (kind: ExportKind) => T) =>
  Object.fromEntries((Object.keys(tables) as ExportKind[]).map((k) => [k, f(k)])) as Record<ExportKind, T>;

/** The record query of each format: the id, then one column per header (keys: the headers). */
export const queries: Record<ExportKind, { columns: string; from: string; dateColumn: string }> = byKind((kind) => {
  const { alias, from, columns } = tables[kind];
  return {
    columns: [`${alias}.id`, ...csvColumns[kind].map((c) => recordColumn(alias, c))].join(', '),
    from,
    dateColumn: `${alias}.${'created_on' in columns ? 'created_on' : 'date'}`,
  };
});

/** The raw CSV query's columns of each format: the id, then one column per header. */
const rawColumns = byKind((kind) =>
  [`${tables[kind].alias}.id`, ...csvColumns[kind].map((c) => rawColumn(tables[kind].alias, c))].join(', '),
);

export type Row = Record<string, string | number | null> & { id: number };

function money(minor: unknown, currency: unknown): string | null {
  return minor === null || minor === undefined ? null : formatMinorPlain(minor as number, currency as string);
}

/** Turns a database row into the record of docs/domain.md §2. */
export function toRecord(kind: ExportKind, r: Row): ExportRecord {
  const record: ExportRecord = {};
  for (const { header, cell } of csvColumns[kind]) {
    const v = r[header];
    record[header] = cell === 'money' ? money(v, r.currency) : cell === 'flag' ? (v ? 'yes' : null) : (v ?? null);
  }
  return record;
}

// Which cells are written bare: numbers (a negative amount is a number, not a formula), dates, codes and
// docs/domain.md §8's fixed words; never a formula. Text, channel and lead ref cells are escaped.
const escaped = new Set<CsvCell>(['text', 'channel', 'leadRef']);
const bareHeaders = byKind(
  (kind) => new Set(csvColumns[kind].filter((c) => !escaped.has(c.cell)).map((c) => c.header)),
);

export function csvRecordLine(kind: ExportKind, record: ExportRecord): string {
  return csvLine(
    ownHeaders[kind].map((h) => {
      const v = record[h];
      if (v === null || v === undefined) return '';
      return bareHeaders[kind].has(h) ? String(v) : textCell(String(v));
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

// The digits of the last currency seen: files hold one or a few, and each row brings a fresh string.
let lastCurrency = '';
let lastDigits = 2;

/** formatMinorPlain with the currency's digits remembered between rows (the same text; '' for null). */
function amount(minor: unknown, currency: unknown): string {
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
 * The CSV exports read the channel's id and take its name from a table loaded once: no join per row,
 * and each name is escaped once (a handful of channels for a million rows).
 */
function sourceCells(db: Database): string[] {
  const cells: string[] = [];
  for (const [id, name] of db.prepare('SELECT id, name FROM sources').raw().all() as [number, string][])
    cells[id] = text(name);
  return cells;
}

/**
 * The function writing one CSV line from a raw row of `rawColumns[kind]` (column 0 is the id), the cells of
 * csvRecordLine. Compiled once from the format's columns, it runs as fast as the line written out by hand
 * (a million-row export builds a million lines); its code holds only column indexes and the helpers' names.
 */
function compileLine(columns: readonly CsvColumn[]): (r: unknown[], sources: string[]) => string {
  const currencyAt = columns.findIndex((c) => c.header === 'currency') + 1;
  const cells = columns.map((c, i) => {
    const v = `r[${i + 1}]`;
    switch (c.cell) {
      case 'text':
      case 'leadRef':
        return `text(${v})`;
      case 'bare':
        return c.nullable ? `bare(${v})` : `${v}`;
      case 'money':
        if (currencyAt === 0) throw new Error(`${c.header}: a money column needs a currency column`);
        return `amount(${v}, r[${currencyAt}])`;
      case 'flag':
        return `(${v} ? 'yes' : '')`;
      case 'channel':
        return `(sources[${v}] ?? '')`;
    }
  });
  const body = `return (r, sources) => ${cells.join(" + ',' + ")} + '\\r\\n';`;
  return new Function('text', 'bare', 'amount', body)(text, bare, amount) as (r: unknown[], s: string[]) => string;
}

const rawLine = byKind((kind) => compileLine(csvColumns[kind]));

// The leads fast path: SQLite joins each row's cells into one line (concat_ws is one call per row,
// far cheaper than handing every cell to JS: docs/performance.md), the money already formatted.
// JS then checks the whole line with one full-match regex: one comma fewer than cells (so no cell holds
// a comma and the split is unique), every text cell on text()'s pass-through path, every other cell
// free of quotes and line breaks. A line that fails (or a currency we cannot format in SQL) is
// rebuilt from its raw cells, so the output is byte for byte the one of rawLine.leads.
const textRe = '(?:[^\\x00-\\x40\\uFF0B-\\uFF20](?:[^",\\r\\n]*[^ ",\\r\\n])?)?';
const bareRe = '[^,"\\r\\n]*';
/** The leads' cells that SQL joins: all but the channel, which must come second (after the ref). */
const leadLineCells = csvColumns.leads.filter((c) => c.cell !== 'channel');
if (csvColumns.leads[1]?.cell !== 'channel') throw new Error('the leads CSV has its channel second');
const cleanLeadLine = new RegExp(`^${leadLineCells.map((c) => (c.cell === 'text' ? textRe : bareRe)).join(',')}$`);

/** SQL for formatMinorPlain(minor, currency): each known currency by its digits; unknown ones give a line break (the raw path then formats them). */
function valueSql(v: string): string {
  const byDigits = new Map<number, string[]>();
  for (const code of Intl.supportedValuesOf('currency')) {
    const digits = currencyDigits(code);
    byDigits.set(digits, [...(byDigits.get(digits) ?? []), `'${code}'`]);
  }
  const branches = [...byDigits].map(([digits, codes]) => {
    const text =
      digits === 0
        ? `printf('%d', ${v})`
        : `printf('%s%d.%0${digits}d', iif(${v} < 0, '-', ''), abs(${v}) / ${10 ** digits}, abs(${v}) % ${10 ** digits})`;
    return `WHEN l.currency IN (${codes.join(',')}) THEN ${text}`;
  });
  return `CASE WHEN ${v} IS NULL THEN '' ${branches.join(' ')} ELSE char(10) END`;
}

/** A leads cell as SQL text ('' for null: concat_ws skips nulls). */
function leadCellSql(c: CsvColumn): string {
  const v = `l.${c.name}`;
  if (c.cell === 'money') return valueSql(v);
  if (c.cell === 'flag') return `iif(${v}, 'yes', '')`;
  return c.nullable ? `ifnull(${v}, '')` : v;
}

let leadLineSql: string | undefined;

/** The cells but the channel, joined with commas (the channel's cell goes in after the ref in JS). */
function leadLineColumns(): string {
  leadLineSql ??= `l.id, l.source_id, concat_ws(',', ${leadLineCells.map(leadCellSql).join(', ')})`;
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
    .prepare(`SELECT ${rawColumns.leads} FROM leads l WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`)
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
  const raw = db
    .prepare(
      `SELECT ${rawColumns[kind]} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${alias}.id LIMIT ${batchSize}`,
    )
    .raw(true);
  const sources = sourceCells(db);
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
