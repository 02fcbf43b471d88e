import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../shared/reports/ledger';
import { formatMinorPlain } from '../../shared/money';
import { importCsvFile, type ImportSummary } from '../csv/import-engine';
import { rollupDrift } from '../rollups/rebuild';
import { callOk, openTempCtx } from '../../../test-support/temp-db';

// docs/domain.md §7 against the real statements of ../shared/corpus/real (never copied here): each file
// imported after typing one of its payments by hand counts that payment once; a re-import of any file
// changes no field the user set (lead links, edited descriptions, categories).
const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/real');
const present = fs.existsSync(path.join(corpus, 'SOURCES.md'));
const money = /^(upwork|paypal|stripe|wise)_/;
const files = present
  ? fs
      .readdirSync(corpus)
      .filter((f) => f.endsWith('.csv') && money.test(f))
      .sort()
  : [];

const opened: ReturnType<typeof openTempCtx>[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});
function fresh() {
  const c = openTempCtx(new Date('2026-12-01T12:00:00Z'));
  opened.push(c);
  return c;
}

/** Imports a corpus file as the CLI would (Wise needs a channel); null when the file is not a statement we import. */
async function importFile(c: ReturnType<typeof fresh>, name: string): Promise<ImportSummary | null> {
  const file = path.join(corpus, name);
  try {
    return await importCsvFile(c.db, file, name.startsWith('wise_') ? { source: 'Referral' } : {}, { now: c.now });
  } catch {
    return null;
  }
}

type Row = {
  id: number;
  source_id: number;
  date: string;
  gross_minor: number;
  fee_minor: number;
  currency: string;
  description: string;
};

describe.skipIf(!present)('the corpus statements meet typed records', () => {
  it.each(files)('%s: a payment typed by hand is counted once; a re-import keeps what the user set', async (name) => {
    const scratch = fresh();
    const alone = await importFile(scratch, name);
    if (!alone?.applied) return; // refused by design (another report kind): real-corpus.test.ts checks the refusal
    const paid = scratch.db
      .prepare(
        `SELECT id, source_id, date, gross_minor, fee_minor, currency, description FROM payments WHERE gross_minor > 0 ORDER BY date, id`,
      )
      .all() as Row[];
    const totals = scratch.db.prepare(`SELECT COUNT(*) AS n, SUM(gross_minor) AS gross FROM payments`).get();
    const sourceName = (c: ReturnType<typeof fresh>, id: number) =>
      (c.db.prepare(`SELECT name FROM sources WHERE id = ?`).get(id) as { name: string }).name;

    const c = fresh();
    const call = <T = unknown>(op: string, input: unknown) => callOk<T>(c, op, input);
    let typedId: number | null = null;
    if (paid.length > 0) {
      const first = paid[0]!;
      const source =
        (
          c.db.prepare(`SELECT id FROM sources WHERE name = ?`).get(sourceName(scratch, first.source_id)) as
            { id: number } | undefined
        )?.id ?? (await call<{ id: number }>('sources:create', { name: sourceName(scratch, first.source_id) })).id;
      // Typed on the day the deal closed, two days before the platform paid it out.
      const typed = await call<{ id: number }>('payments:create', {
        sourceId: source,
        date: addDaysIso(first.date, -2),
        gross: formatMinorPlain(first.gross_minor, first.currency),
        fee: formatMinorPlain(first.fee_minor, first.currency),
        currency: first.currency,
      });
      typedId = typed.id;
    }
    const summary = (await importFile(c, name))!;
    expect(summary.applied).toBe(true);
    expect(c.db.prepare(`SELECT COUNT(*) AS n, SUM(gross_minor) AS gross FROM payments`).get()).toEqual(totals);
    if (typedId !== null) {
      expect(summary.matched.map((m) => m.typed.id)).toContain(typedId);
      expect(
        (c.db.prepare(`SELECT import_id FROM payments WHERE id = ?`).get(typedId) as { import_id: number }).import_id,
      ).toBe(summary.importId);
    }

    // The user's fields: every payment linked to a lead of its channel, a description edited, a category decided.
    for (const p of c.db.prepare(`SELECT id, source_id FROM payments`).all() as { id: number; source_id: number }[]) {
      const lead = await call<{ id: number }>('leads:create', {
        sourceId: p.source_id,
        title: `Deal ${p.id}`,
        createdOn: '2026-01-01',
      });
      await call('payments:update', { id: p.id, leadId: lead.id });
    }
    const firstPayment = c.db.prepare(`SELECT id FROM payments ORDER BY id LIMIT 1`).get() as
      { id: number } | undefined;
    if (firstPayment) await call('payments:update', { id: firstPayment.id, description: 'My own words' });
    const cost = c.db
      .prepare(`SELECT id, category FROM expenses WHERE category NOT IN ('connects') ORDER BY id LIMIT 1`)
      .get() as { id: number; category: string } | undefined;
    if (cost)
      await call('expenses:update', { id: cost.id, category: cost.category === 'other' ? 'advertising' : 'other' });
    const userFields = () => ({
      payments: c.db.prepare(`SELECT id, lead_id, description FROM payments ORDER BY id`).all(),
      expenses: c.db.prepare(`SELECT id, category, description FROM expenses ORDER BY id`).all(),
    });
    const before = userFields();
    const again = (await importFile(c, name))!;
    expect(again.inserted).toBe(0);
    expect(userFields()).toEqual(before);
    expect(rollupDrift(c.db)).toEqual([]);
  });
});

describe.skipIf(present)('the corpus statements meet typed records', () => {
  it.skip(`corpus is not at ${corpus}: the typed-then-imported checks did not run`, () => {});
});
