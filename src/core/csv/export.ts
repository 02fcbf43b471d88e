import type { Database } from 'better-sqlite3';
import { csvLine, textCell } from '../../shared/csv/escape';
import { formatMinorPlain } from '../../shared/money';
import { ownHeaders, type Target } from './own-formats';

export type ExportKind = Target;
export type ExportOptions = { from?: string | undefined; to?: string | undefined; bom?: boolean; json?: boolean };

/** A raw record: the CSV header names as keys; text as stored, money as exact decimal strings. */
export type ExportRecord = Record<string, string | number | null>;

const batchSize = 5000;

const queries: Record<ExportKind, { sql: string; dateColumn: string }> = {
  leads: {
    sql: `SELECT l.id, l.ref, s.name AS source, l.title, l.client, l.url, l.stage, l.created_on, l.applied_on, l.closed_on, l.connects,
      l.boost_connects, l.connects_refunded, l.value_minor, l.currency, l.lost_reason, l.tags, l.notes, l.follow_up_on
      FROM leads l JOIN sources s ON s.id = l.source_id`,
    dateColumn: 'l.created_on',
  },
  payments: {
    sql: `SELECT p.id, p.ref, p.date, s.name AS source, l.ref AS lead_ref, p.description, p.gross_minor, p.fee_minor, p.currency
      FROM payments p JOIN sources s ON s.id = p.source_id LEFT JOIN leads l ON l.id = p.lead_id`,
    dateColumn: 'p.date',
  },
  expenses: {
    sql: `SELECT e.id, e.ref, e.date, s.name AS source, e.category, e.description, e.amount_minor, e.currency, e.connects
      FROM expenses e LEFT JOIN sources s ON s.id = e.source_id`,
    dateColumn: 'e.date',
  },
};

type Row = Record<string, string | number | null> & { id: number };

function money(minor: unknown, currency: unknown): string | null {
  return minor === null || minor === undefined ? null : formatMinorPlain(minor as number, currency as string);
}

/** Turns a database row into the record of DOMAIN.md §2. */
function toRecord(kind: ExportKind, r: Row): ExportRecord {
  if (kind === 'leads') {
    return {
      ref: r.ref!, source: r.source!, title: r.title!, client: r.client!, url: r.url!, stage: r.stage!, created_on: r.created_on!,
      applied_on: r.applied_on ?? null, closed_on: r.closed_on ?? null, connects: r.connects!, boost_connects: r.boost_connects!,
      connects_refunded: r.connects_refunded!, value: money(r.value_minor, r.currency), currency: r.currency!, lost_reason: r.lost_reason!,
      tags: r.tags!, notes: r.notes!, follow_up_on: r.follow_up_on ?? null,
    };
  }
  if (kind === 'payments') {
    return {
      ref: r.ref!, date: r.date!, source: r.source!, lead_ref: r.lead_ref ?? null, description: r.description!,
      gross: money(r.gross_minor, r.currency), fee: money(r.fee_minor, r.currency), currency: r.currency!,
    };
  }
  return {
    ref: r.ref!, date: r.date!, source: r.source ?? null, category: r.category!, description: r.description!,
    amount: money(r.amount_minor, r.currency), currency: r.currency!, connects: r.connects!,
  };
}

// Which columns hold numbers (written bare: a negative amount is a number, not a formula).
const numeric = new Set(['connects', 'boost_connects', 'connects_refunded', 'value', 'gross', 'fee', 'amount', 'created_on', 'applied_on', 'closed_on', 'follow_up_on', 'date', 'currency', 'stage', 'category']);

export function csvRecordLine(kind: ExportKind, record: ExportRecord): string {
  return csvLine(ownHeaders[kind].map((h) => {
    const v = record[h];
    if (v === null || v === undefined) return '';
    return numeric.has(h) ? String(v) : textCell(String(v));
  }));
}

/**
 * Streams an export in id order (so export → import → export is byte for byte the same),
 * 5,000 rows per query: no statement stays open between batches, so other calls can run.
 */
export async function writeExport(db: Database, kind: ExportKind, options: ExportOptions, write: (text: string) => void | Promise<void>): Promise<number> {
  const { sql, dateColumn } = queries[kind];
  const where: string[] = [`${dateColumn.split('.')[0]}.id > @after`];
  if (options.from) where.push(`${dateColumn} >= @from`);
  if (options.to) where.push(`${dateColumn} <= @to`);
  const statement = db.prepare(`${sql} WHERE ${where.join(' AND ')} ORDER BY ${dateColumn.split('.')[0]}.id LIMIT ${batchSize}`);
  let after = 0;
  let count = 0;
  if (options.json) await write('[');
  else await write(`${options.bom ? '\uFEFF' : ''}${csvLine([...ownHeaders[kind]])}`);
  for (;;) {
    const rows = statement.all({ after, from: options.from ?? null, to: options.to ?? null }) as Row[];
    if (rows.length === 0) break;
    let text = '';
    for (const row of rows) {
      const record = toRecord(kind, row);
      text += options.json ? `${count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}` : csvRecordLine(kind, record);
      count++;
    }
    await write(text);
    after = rows[rows.length - 1]!.id;
  }
  if (options.json) await write(count === 0 ? ']\n' : '\n]\n');
  return count;
}
