import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { deleteExpense, type ExpenseRecord, getExpense, updateExpense } from '../expenses/expenses-repo';
import { deletePayment, getPayment, type PaymentRecord, updatePayment } from '../payments/payments-repo';
import { RollupBatch } from '../rollups/rollup-batch';
import { daysBetween } from '../../shared/dates';
import { addDaysIso } from '../../shared/reports/ledger';
import { candidateWithinDays, type Candidacy, reconcile } from './match-typed';

// docs/domain.md §7: after an import has written its rows (in its transaction), each payment and
// Connects purchase it added is compared with the typed records of the same channel, currency and
// amount. "same": the typed record takes over the imported one (keeps its id, lead link and
// description; takes the platform's date, amounts, fee and key) and the imported row goes; the typed
// record as it was is kept for Undo. "unsure": imported as new and listed with its candidates.

export type RecordKind = 'payment' | 'expense';

/** A record as the summary names it. */
export type RecordNote = {
  kind: RecordKind;
  id: number;
  ref: string;
  date: string;
  amountMinor: number;
  currency: string;
  source: string;
  description: string;
  connects: number;
};

export type MatchedPair = { imported: RecordNote; typed: RecordNote };
export type PossibleDuplicate = { imported: RecordNote; candidates: RecordNote[] };
export type Reconciliation = { matched: MatchedPair[]; possibleDuplicates: PossibleDuplicate[] };

/** The user's ticks in the preview: the imported row (by its key) is the typed record `id`. */
export type SameAs = { ref: string; id: number };

type Pair = { imported: number; importedDate: string; typed: number; typedDate: string };

/** A record reduced to what matching compares: `keys` are the amounts it can match on. */
type Probe = { id: number; date: string; keys: string[] };

// Typed records (no import brought them) are read whole and put in a map; the import's records are
// read once, in file order (one walk whatever indexes a bulk import has dropped for now).
const typedPayments = `SELECT id, date, source_id, currency, gross_minor, fee_minor FROM payments WHERE date BETWEEN @from AND @to AND import_id IS NULL`;
const importedPaymentSpan = `SELECT MIN(date) AS first, MAX(date) AS last FROM payments WHERE import_id = ?`;
const importedPayments = `SELECT id, date, source_id, currency, gross_minor, fee_minor FROM payments WHERE import_id = ? AND gross_minor != 0 ORDER BY id`;
const typedPurchases = `SELECT id, date, source_id, currency, amount_minor, connects FROM expenses WHERE date BETWEEN @from AND @to AND import_id IS NULL AND category = 'connects'`;
const importedPurchaseSpan = `SELECT MIN(date) AS first, MAX(date) AS last FROM expenses WHERE import_id = ? AND category = 'connects'`;
const importedPurchases = `SELECT id, date, source_id, currency, amount_minor, connects FROM expenses WHERE import_id = ? AND category = 'connects' ORDER BY id`;

type PaymentRow = {
  id: number;
  date: string;
  source_id: number;
  currency: string;
  gross_minor: number;
  fee_minor: number;
};
type PurchaseRow = {
  id: number;
  date: string;
  source_id: number | null;
  currency: string;
  amount_minor: number;
  connects: number;
};

// Same gross; or, when the typed fee is 0, the typed gross equal to the imported net.
const paymentProbes = {
  typed: (r: PaymentRow): Probe => ({
    id: r.id,
    date: r.date,
    keys: [
      `g|${r.source_id}|${r.currency}|${r.gross_minor}`,
      ...(r.fee_minor === 0 ? [`n|${r.source_id}|${r.currency}|${r.gross_minor}`] : []),
    ],
  }),
  imported: (r: PaymentRow): Probe => ({
    id: r.id,
    date: r.date,
    keys: [
      `g|${r.source_id}|${r.currency}|${r.gross_minor}`,
      `n|${r.source_id}|${r.currency}|${r.gross_minor - r.fee_minor}`,
    ],
  }),
};
const purchaseProbes = {
  typed: (r: PurchaseRow): Probe => ({
    id: r.id,
    date: r.date,
    keys: [`${r.source_id}|${r.currency}|${r.amount_minor}|${r.connects}`],
  }),
  imported: (r: PurchaseRow): Probe => ({
    id: r.id,
    date: r.date,
    keys: [`${r.source_id}|${r.currency}|${r.amount_minor}|${r.connects}`],
  }),
};

function pairsOf<R>(
  db: WritableDB,
  sql: { span: string; typed: string; imported: string },
  importId: number,
  probes: { typed: (r: R) => Probe; imported: (r: R) => Probe },
): Pair[] {
  // Only typed records near the import's dates can be candidates (the date index finds them).
  const span = prepared(db, sql.span).get(importId) as { first: string | null; last: string | null };
  if (span.first === null || span.last === null) return [];
  const byKey = new Map<string, Probe[]>();
  const near = { from: addDaysIso(span.first, -candidateWithinDays), to: addDaysIso(span.last, candidateWithinDays) };
  for (const r of prepared(db, sql.typed).iterate(near) as Iterable<R>) {
    const p = probes.typed(r);
    for (const k of p.keys) byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  if (byKey.size === 0) return [];
  const pairs: Pair[] = [];
  for (const r of prepared(db, sql.imported).iterate(importId) as Iterable<R>) {
    const i = probes.imported(r);
    const seen = new Set<number>();
    for (const k of i.keys) {
      for (const t of byKey.get(k) ?? []) {
        if (seen.has(t.id) || Math.abs(daysBetween(t.date, i.date)) > candidateWithinDays) continue;
        seen.add(t.id);
        pairs.push({ imported: i.id, importedDate: i.date, typed: t.id, typedDate: t.date });
      }
    }
  }
  return pairs;
}

function candidacies(pairs: readonly Pair[]): Candidacy[] {
  const byImported = new Map<number, Candidacy & { candidates: { typed: number; date: string }[] }>();
  for (const p of pairs) {
    let c = byImported.get(p.imported);
    if (!c)
      byImported.set(
        p.imported,
        (c = { imported: p.imported, date: p.importedDate, order: p.imported, candidates: [] }),
      );
    c.candidates.push({ typed: p.typed, date: p.typedDate });
  }
  return [...byImported.values()];
}

function sourceName(db: ReadableDB, id: number | null): string {
  if (id === null) return '';
  return (prepared(db, `SELECT name FROM sources WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? '';
}

export function paymentNote(db: ReadableDB, p: PaymentRecord): RecordNote {
  return {
    kind: 'payment',
    id: p.id,
    ref: p.ref,
    date: p.date,
    amountMinor: p.gross_minor,
    currency: p.currency,
    source: sourceName(db, p.source_id),
    description: p.description,
    connects: 0,
  };
}

export function expenseNote(db: ReadableDB, e: ExpenseRecord): RecordNote {
  return {
    kind: 'expense',
    id: e.id,
    ref: e.ref,
    date: e.date,
    amountMinor: e.amount_minor,
    currency: e.currency,
    source: sourceName(db, e.source_id),
    description: e.description,
    connects: e.connects,
  };
}

function saveTypedSnapshot(db: WritableDB, importId: number, kind: RecordKind, record: object & { id: number }): void {
  prepared(db, `INSERT INTO import_takeovers (import_id, kind, record_id, typed_json) VALUES (?, ?, ?, ?)`).run(
    importId,
    kind,
    record.id,
    JSON.stringify(record),
  );
}

/** The typed payment takes the platform's date, amounts, fee and key; keeps its id, lead, channel and description. */
function takeOverPayment(
  db: WritableDB,
  importId: number,
  importedId: number,
  typedId: number,
  batch: RollupBatch,
): void {
  const imported = getPayment(db, importedId)!;
  const typed = getPayment(db, typedId)!;
  const payer = prepared(db, `SELECT rail, payer_name, payer_email FROM payments WHERE id = ?`).get(importedId) as {
    rail: string | null;
    payer_name: string;
    payer_email: string;
  };
  saveTypedSnapshot(db, importId, 'payment', typed);
  deletePayment(db, imported, batch);
  const { id: _id, ...rest } = typed;
  updatePayment(
    db,
    typed,
    {
      ...rest,
      ref: imported.ref,
      date: imported.date,
      gross_minor: imported.gross_minor,
      fee_minor: imported.fee_minor,
      fee_computed: imported.fee_computed,
      currency: imported.currency,
      import_id: importId,
      description: typed.description === '' ? imported.description : typed.description,
      platform_description: imported.description,
    },
    batch,
  );
  // The payer a rail brought (rail, name, e-mail) goes with the platform's fields.
  if (payer.rail !== null)
    prepared(db, `UPDATE payments SET rail = ?, payer_name = ?, payer_email = ? WHERE id = ?`).run(
      payer.rail,
      payer.payer_name,
      payer.payer_email,
      typedId,
    );
}

/** The typed Connects purchase takes the platform's date, amount and key; keeps its id, channel and description. */
function takeOverPurchase(
  db: WritableDB,
  importId: number,
  importedId: number,
  typedId: number,
  batch: RollupBatch,
): void {
  const imported = getExpense(db, importedId)!;
  const typed = getExpense(db, typedId)!;
  saveTypedSnapshot(db, importId, 'expense', typed);
  deleteExpense(db, imported, batch);
  const { id: _id, ...rest } = typed;
  updateExpense(
    db,
    typed,
    {
      ...rest,
      ref: imported.ref,
      date: imported.date,
      amount_minor: imported.amount_minor,
      currency: imported.currency,
      connects: imported.connects,
      import_id: importId,
      description: typed.description === '' ? imported.description : typed.description,
      platform_description: imported.description,
      platform_category: imported.category,
    },
    batch,
  );
}

/**
 * Reconciles what import `importId` added with the typed records (inside the import's transaction).
 * `sameAs`: the preview's ticks (the imported row's key -> the typed record it is).
 */
export function reconcileImport(db: WritableDB, importId: number, sameAs: readonly SameAs[] = []): Reconciliation {
  const out: Reconciliation = { matched: [], possibleDuplicates: [] };
  const batch = new RollupBatch(db);
  const kinds = [
    {
      table: 'payments',
      pairs: () =>
        pairsOf(
          db,
          { span: importedPaymentSpan, typed: typedPayments, imported: importedPayments },
          importId,
          paymentProbes,
        ),
      take: takeOverPayment,
      note: (id: number) => paymentNote(db, getPayment(db, id)!),
    },
    {
      table: 'expenses',
      pairs: () =>
        pairsOf(
          db,
          { span: importedPurchaseSpan, typed: typedPurchases, imported: importedPurchases },
          importId,
          purchaseProbes,
        ),
      take: takeOverPurchase,
      note: (id: number) => expenseNote(db, getExpense(db, id)!),
    },
  ];
  for (const k of kinds) {
    const pairs = k.pairs();
    if (pairs.length === 0) continue;
    const rows = candidacies(pairs);
    const decided = new Map<number, number>();
    for (const s of sameAs) {
      const row = prepared(db, `SELECT id FROM ${k.table} WHERE ref = ? AND import_id = ?`).get(s.ref, importId) as
        { id: number } | undefined;
      if (row) decided.set(row.id, s.id);
    }
    const { same, unsure } = reconcile(rows, decided);
    // Noted before any takeover: the imported rows go, the typed ones change.
    const matched = [...same].map(([imported, typed]) => ({ imported: k.note(imported), typed: k.note(typed) }));
    const doubts = [...unsure].map(([imported, typed]) => ({
      imported: k.note(imported),
      candidates: typed.map(k.note),
    }));
    for (const [imported, typed] of same) k.take(db, importId, imported, typed, batch);
    out.matched.push(...matched);
    out.possibleDuplicates.push(...doubts);
  }
  batch.flush();
  return out;
}
