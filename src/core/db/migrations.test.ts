import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from './backup';
import { rebuildRollups, rollupDrift } from '../rollups/rebuild';
import { tempDbPath } from '../../../test-support/temp-db';
import { buildFixture } from './fixtures/fixture-data';
import { migrate, schemaVersion } from './migrate';
import { latestVersion, migrations } from './migrations';
import { migration0006 } from './migrations/0006-activity';
import { migration0007 } from './migrations/0007-time-entries';
import { migration0008 } from './migrations/0008-clients';
import { migration0009 } from './migrations/0009-subscription-expenses-index';
import { migration0010 } from './migrations/0010-connects-purchases-index';
import { migration0011 } from './migrations/0011-board-totals-index';
import { migration0012 } from './migrations/0012-stage-rollup';
import { migration0013 } from './migrations/0013-purchase-changes';
import { migration0014 } from './migrations/0014-purchase-days';
import { migration0015 } from './migrations/0015-undo-snapshots';
import { migration0016 } from './migrations/0016-import-reconciliation';
import { migration0017 } from './migrations/0017-time-projects';
import { migration0018 } from './migrations/0018-bid-facts';
import { openDatabase } from './open';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const temp = () => {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  return file;
};

/** Tables, columns, indexes and triggers as SQLite itself describes them, whitespace normalised. */
function schemaOf(db: Database.Database) {
  const objects = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
  return {
    objects: objects.map((o) => ({
      ...o,
      sql: (o.sql ?? '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim(),
    })),
    columns: Object.fromEntries(tables.map((t) => [t, db.pragma(`table_xinfo(${t})`)])),
    indexes: Object.fromEntries(tables.map((t) => [t, db.pragma(`index_list(${t})`)])),
  };
}

/** Every row of every table of the old version, ordered, with only the columns that version had. */
function contentOf(db: Database.Database, tables: Record<string, string[]>) {
  return Object.fromEntries(
    Object.entries(tables).map(([table, columns]) => [
      table,
      db
        .prepare(
          `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`,
        )
        .all(),
    ]),
  );
}

// A later migration may add its own counter (0016: record_edits) to change_counters; the old rows stay as they were.
function keptContent(after: Record<string, unknown[]>, before: Record<string, unknown[]>) {
  const known = new Set((before.change_counters ?? []).map((r) => (r as { name: string }).name));
  if (!after.change_counters) return after;
  return { ...after, change_counters: after.change_counters.filter((r) => known.has((r as { name: string }).name)) };
}

function columnsOf(db: Database.Database): Record<string, string[]> {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name)]),
  );
}

function freshSchema() {
  const db = openDatabase(temp());
  try {
    return schemaOf(db);
  } finally {
    db.close();
  }
}

describe('fixture databases of past schema versions', () => {
  it('exist for every version before the latest (run src/core/db/fixtures/build.ts when adding a migration)', () => {
    for (let version = 1; version < latestVersion; version++) {
      expect(fs.existsSync(path.join(fixtures, `v${version}.db`)), `fixtures/v${version}.db`).toBe(true);
    }
  });

  const available = fs.readdirSync(fixtures).filter((f) => /^v\d+\.db$/.test(f));
  for (const name of available) {
    it(`${name} migrates to the latest schema, equal to a fresh database, with its data kept`, () => {
      const file = temp();
      fs.copyFileSync(path.join(fixtures, name), file);
      const old = new Database(file, { readonly: true });
      const version = schemaVersion(old);
      const columns = columnsOf(old);
      const before = contentOf(old, columns);
      old.close();
      expect(version).toBe(Number(name.slice(1, -3)));

      const db = openDatabase(file);
      try {
        expect(schemaVersion(db)).toBe(latestVersion);
        expect(schemaOf(db)).toEqual(freshSchema());
        expect(keptContent(contentOf(db, columns), before)).toEqual(before);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(rollupDrift(db)).toEqual([]);
        expect((db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n).toBe(40);
      } finally {
        db.close();
      }
      // An older file gets a pre-migration backup holding exactly the old version.
      const backups = listBackups(file).filter((b) => b.reason === 'pre-migration');
      expect(backups).toHaveLength(version < latestVersion ? 1 : 0);
      if (backups[0]) {
        const copy = new Database(backups[0].path, { readonly: true });
        expect(schemaVersion(copy)).toBe(version);
        expect(contentOf(copy, columns)).toEqual(before);
        copy.close();
      }
    });
  }
});

/** Per migration (STYLE.md §7): build N−1 with rows, migrate to N, assert what N promises. */
const perMigration: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    expect(columnsOf(db).leads).toContain('furthest_rank');
    expect(
      db.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'index' AND name = 'leads_follow_up'`).get(),
    ).toEqual({ n: 1 });
  },
  2: (db) => {
    expect(columnsOf(db).leads).toContain('import_id');
    expect(db.prepare(`SELECT COUNT(*) AS n FROM leads WHERE import_id IS NOT NULL`).get()).toEqual({ n: 0 });
    for (const table of ['payments', 'expenses', 'subscriptions', 'fx_rates', 'payment_rollup', 'expense_rollup']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    // The new tables enforce their rules at once.
    expect(() =>
      db
        .prepare(
          `INSERT INTO expenses (ref, date, category, amount_minor, currency, created_at) VALUES ('x', '2025-01-01', 'lunch', 1, 'USD', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  },
  3: (db) => {
    expect(db.prepare(`SELECT COUNT(*) AS n FROM imports`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM payments`).get()).toEqual({ n: 3 });
    db.prepare(
      `INSERT INTO csv_mappings (name, header_signature, target, mapping_json, created_at) VALUES ('A', 's', 'leads', '{}', 'now')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO csv_mappings (name, header_signature, target, mapping_json, created_at) VALUES ('a', 's', 'leads', '{}', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  },
  4: (db) => {
    // The month rollups hold the day rollups summed per month, and equal a fresh computation.
    const months: [string, string, string][] = [
      [
        'lead_rollup_month',
        'lead_rollup',
        'source_id, currency, SUM(leads), SUM(proposals), SUM(replies), SUM(interviews), SUM(wins), SUM(connects_spent), SUM(connects_refunded), SUM(booked_minor)',
      ],
      ['win_rollup_month', 'win_rollup', 'source_id, days_to_win, SUM(wins)'],
      [
        'payment_rollup_month',
        'payment_rollup',
        'source_id, currency, SUM(gross_minor), SUM(fee_minor), SUM(payments)',
      ],
      [
        'expense_rollup_month',
        'expense_rollup',
        'source_id, category, currency, SUM(amount_minor), SUM(connects_bought), SUM(expenses)',
      ],
    ];
    for (const [month, day, sums] of months) {
      const keys = sums.split(', ').filter((c) => !c.startsWith('SUM('));
      const stored = db
        .prepare(
          `SELECT month, ${keys.join(', ')}, ${sums
            .split(', ')
            .filter((c) => c.startsWith('SUM('))
            .map((c) => c.slice(4, -1))
            .join(', ')} FROM ${month} ORDER BY 1, 2, 3, 4`,
        )
        .raw()
        .all();
      const summed = db
        .prepare(`SELECT substr(day, 1, 7), ${sums} FROM ${day} GROUP BY 1, ${keys.join(', ')} ORDER BY 1, 2, 3, 4`)
        .raw()
        .all();
      expect(stored.length, month).toBeGreaterThan(0);
      expect(stored, month).toEqual(summed);
    }
    expect(rollupDrift(db)).toEqual([]);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan(`SELECT id FROM leads ORDER BY title COLLATE NOCASE, id LIMIT 200 OFFSET 50`)).toMatch(
      /SCAN l(eads)? USING (COVERING )?INDEX leads_title$/,
    );
    expect(plan(`SELECT id FROM leads ORDER BY value_minor DESC, id DESC LIMIT 200`)).toMatch(
      /SCAN l(eads)? USING (COVERING )?INDEX leads_value$/,
    );
  },
  5: (db) => {
    // Rates keep the base they were entered against: the fixture's base (USD) for the existing ones.
    expect(db.prepare(`SELECT base, currency, month, rate FROM fx_rates ORDER BY currency`).all()).toEqual([
      { base: 'USD', currency: 'EUR', month: '2025-03', rate: '1.0825' },
      { base: 'USD', currency: 'GBP', month: '2025-03', rate: '1.2650' },
    ]);
    const source = (db.prepare(`SELECT id FROM sources ORDER BY id LIMIT 1`).get() as { id: number }).id;
    const add = db.prepare(
      `INSERT INTO credit_entries (source_id, kind, on_date, count, note, created_at) VALUES (?, ?, ?, ?, ?, 'now')`,
    );
    add.run(source, 'opening', '2025-01-01', 40, '');
    expect(() => add.run(source, 'opening', '2025-02-01', 10, ''), 'one opening per channel').toThrow(/UNIQUE/);
    expect(() => add.run(source, 'adjustment', '2025-02-01', -3, ''), 'an adjustment needs a note').toThrow(/CHECK/);
    add.run(source, 'adjustment', '2025-02-01', -3, 'Upwork shows 3 fewer');
    expect(db.prepare(`SELECT COUNT(*) AS n FROM credit_entries`).get()).toEqual({ n: 2 });
  },
};

// Activity log: starts empty, keeps its kinds, goes with its lead.
perMigration[migration0006.version] = (db) => {
  expect(db.prepare(`SELECT COUNT(*) AS n FROM activity`).get()).toEqual({ n: 0 });
  const leadId = (db.prepare(`SELECT id FROM leads ORDER BY id LIMIT 1`).get() as { id: number }).id;
  db.prepare(
    `INSERT INTO activity (lead_id, kind, at, text, created_at) VALUES (?, 'call', '2026-01-01T10:00:00.000Z', 'x', 'now')`,
  ).run(leadId);
  expect(() =>
    db.prepare(`INSERT INTO activity (lead_id, kind, at, created_at) VALUES (?, 'lunch', 'x', 'now')`).run(leadId),
  ).toThrow(/CHECK/);
  db.prepare(`DELETE FROM leads WHERE id = ?`).run(leadId);
  expect(db.prepare(`SELECT COUNT(*) AS n FROM activity`).get()).toEqual({ n: 0 });
};

// Time entries (docs/domain.md §6.1): start empty; whole positive minutes and the two kinds only; unique refs;
// a deleted lead leaves its hours on the channel; the report reads month rollups by primary key.
perMigration[migration0007.version] = (db) => {
  expect(db.prepare(`SELECT COUNT(*) AS n FROM time_entries`).get()).toEqual({ n: 0 });
  const lead = db.prepare(`SELECT id, source_id FROM leads ORDER BY id LIMIT 1`).get() as {
    id: number;
    source_id: number;
  };
  const add = db.prepare(
    `INSERT INTO time_entries (ref, date, source_id, lead_id, kind, minutes, created_at, updated_at) VALUES (?, '2026-01-02', ?, ?, ?, ?, 'now', 'now')`,
  );
  add.run('t1', lead.source_id, lead.id, 'sales', 90);
  add.run('t2', lead.source_id, null, 'delivery', 30);
  expect(() => add.run('t3', lead.source_id, null, 'sales', 0), 'minutes > 0').toThrow(/CHECK/);
  expect(() => add.run('t3', lead.source_id, null, 'sales', 1.5), 'whole minutes (STRICT)').toThrow(
    /INTEGER|datatype/i,
  );
  expect(() => add.run('t3', lead.source_id, null, 'lunch', 5), 'kind').toThrow(/CHECK/);
  expect(() => add.run('t1', lead.source_id, null, 'sales', 5), 'ref is unique').toThrow(/UNIQUE/);
  db.prepare(`DELETE FROM payments WHERE lead_id = ?`).run(lead.id);
  db.prepare(`DELETE FROM leads WHERE id = ?`).run(lead.id);
  expect(db.prepare(`SELECT ref, lead_id, minutes FROM time_entries ORDER BY ref`).all()).toEqual([
    { ref: 't1', lead_id: null, minutes: 90 },
    { ref: 't2', lead_id: null, minutes: 30 },
  ]);
  expect(db.prepare(`SELECT COUNT(*) AS n FROM time_rollup`).get()).toEqual({ n: 0 });
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
  expect(
    plan(
      `SELECT source_id, SUM(sales_minutes) FROM time_rollup_month WHERE month BETWEEN '2026-01' AND '2026-06' GROUP BY source_id`,
    ),
  ).toMatch(/SEARCH time_rollup_month USING PRIMARY KEY \(month>\? AND month<\?\)/);
  expect(
    plan(
      `SELECT source_id, SUM(sales_minutes) FROM time_rollup WHERE day BETWEEN '2026-01-01' AND '2026-01-09' GROUP BY source_id`,
    ),
  ).toMatch(/SEARCH time_rollup USING INDEX time_rollup_day/);
};

// Clients (docs/domain.md §6.3): one per client name of the leads, every named lead linked, nothing else.
perMigration[migration0008.version] = (db) => {
  const names = (db.prepare(`SELECT DISTINCT client FROM leads WHERE client != ''`).all() as { client: string }[])
    .map((r) => r.client)
    .sort();
  expect(names.length).toBeGreaterThan(5);
  expect(
    (db.prepare(`SELECT name FROM clients ORDER BY name`).all() as { name: string }[]).map((r) => r.name).sort(),
  ).toEqual(names);
  expect(
    db.prepare(`SELECT COUNT(*) AS n FROM leads l JOIN clients c ON c.id = l.client_id WHERE c.name != l.client`).get(),
  ).toEqual({ n: 0 });
  expect(db.prepare(`SELECT COUNT(*) AS n FROM leads WHERE (client = '') != (client_id IS NULL)`).get()).toEqual({
    n: 0,
  });
  expect(db.prepare(`SELECT COUNT(*) AS n FROM payments WHERE rail IS NOT NULL OR assigned != 0`).get()).toEqual({
    n: 0,
  });
  expect(db.prepare(`SELECT COUNT(*) AS n FROM payer_links`).get()).toEqual({ n: 0 });
};

// Plan-charge matching reads a channel's subscription expenses through their own index, not all its expenses.
perMigration[migration0009.version] = (db) => {
  const plan = (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id, date, amount_minor FROM expenses WHERE source_id = 1 AND category = 'subscription' AND currency = 'USD' AND amount_minor = 1999 AND date BETWEEN '2025-01-01' AND '2025-12-31' ORDER BY date, id`,
      )
      .all() as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
  expect(plan).toMatch(/USING (COVERING )?INDEX expenses_subscription/);
};

// The ledger reads a day's connects purchases from their own covering index, not every expense of the day.
perMigration[migration0010.version] = (db) => {
  const plan = (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id, currency, connects AS count, amount_minor AS amount FROM expenses WHERE source_id = 1 AND date = '2025-03-01' AND category = 'connects' ORDER BY id`,
      )
      .all() as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
  expect(plan).toMatch(/USING COVERING INDEX expenses_connects/);
  expect(plan).not.toMatch(/TEMP B-TREE/);
  const all = db.prepare(`SELECT COUNT(*) AS n FROM expenses WHERE category = 'connects'`).get() as { n: number };
  const indexed = db
    .prepare(
      `SELECT COUNT(*) AS n FROM expenses INDEXED BY expenses_connects WHERE category = 'connects' AND source_id IS NOT NULL`,
    )
    .get() as { n: number };
  const unsourced = db
    .prepare(`SELECT COUNT(*) AS n FROM expenses WHERE category = 'connects' AND source_id IS NULL`)
    .get() as { n: number };
  expect(indexed.n + unsourced.n).toBe(all.n);
};

// The board's totals per stage (Won and Lost closed since a day) count and sum from the index alone.
perMigration[migration0011.version] = (db) => {
  for (const sql of [
    `SELECT COUNT(*) AS n FROM leads l WHERE l.stage IN ('won') AND (l.stage NOT IN ('won', 'lost') OR l.closed_on >= '2026-01-01')`,
    `SELECT l.currency AS currency, SUM(l.value_minor) AS minor FROM leads l WHERE l.stage IN ('interview') AND l.value_minor IS NOT NULL GROUP BY l.currency`,
  ]) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');
    expect(plan).toMatch(/USING COVERING INDEX leads_stage_closed/);
  }
};

// The board's totals come from lead_stage_rollup: filled from the leads, equal to a fresh computation,
// read by primary key; the index it replaces is gone.
perMigration[migration0012.version] = (db) => {
  const counted = db
    .prepare(
      `SELECT stage, COUNT(*) AS n, COUNT(value_minor) AS valued, COALESCE(SUM(value_minor), 0) AS minor FROM leads GROUP BY stage ORDER BY stage`,
    )
    .all();
  expect(counted.length).toBeGreaterThan(2);
  expect(
    db
      .prepare(
        `SELECT stage, SUM(leads) AS n, SUM(valued) AS valued, SUM(value_minor) AS minor FROM lead_stage_rollup GROUP BY stage ORDER BY stage`,
      )
      .all(),
  ).toEqual(counted);
  expect(rollupDrift(db)).toEqual([]);
  expect(db.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'leads_stage_closed'`).get()).toEqual({
    n: 0,
  });
  const plan = (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT stage, currency, SUM(leads) FROM lead_stage_rollup WHERE stage IN ('won') AND closed_on >= '2026-01-01' GROUP BY stage, currency`,
      )
      .all() as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
  expect(plan).toMatch(/SEARCH lead_stage_rollup USING PRIMARY KEY \(stage=\?\)/);
  // The lost reasons of a period read the lost leads' own covering index.
  const lost = (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT source_id, lost_reason, COUNT(*) FROM leads l INDEXED BY leads_lost WHERE l.stage = 'lost' AND l.closed_on >= '2026-01-01' GROUP BY 1, 2`,
      )
      .all() as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');
  expect(lost).toMatch(/SEARCH l USING COVERING INDEX leads_lost \(closed_on>\?\)/);
};

perMigration[migration0013.version] = (db) => {
  const changes = () =>
    (db.prepare(`SELECT changes FROM change_counters WHERE name = 'connects_purchases'`).get() as { changes: number })
      .changes;
  expect(changes()).toBe(0);
  const purchase = db.prepare(`SELECT id, source_id FROM expenses WHERE category = 'connects' LIMIT 1`).get() as {
    id: number;
    source_id: number;
  };
  const other = db.prepare(`SELECT id FROM expenses WHERE category <> 'connects' LIMIT 1`).get() as { id: number };
  // Other expenses leave it alone; every insert, update (into or out of the category) and delete of a purchase moves it.
  db.prepare(`UPDATE expenses SET amount_minor = amount_minor + 1 WHERE id = ?`).run(other.id);
  expect(changes()).toBe(0);
  db.prepare(`UPDATE expenses SET connects = connects + 1 WHERE id = ?`).run(purchase.id);
  expect(changes()).toBe(1);
  db.prepare(`UPDATE expenses SET category = 'connects', connects = 5 WHERE id = ?`).run(other.id);
  expect(changes()).toBe(2);
  db.prepare(`UPDATE expenses SET category = 'tax', connects = 0 WHERE id = ?`).run(other.id);
  expect(changes()).toBe(3);
  const id = Number(
    db
      .prepare(
        `INSERT INTO expenses (ref, date, source_id, category, description, amount_minor, currency, connects, created_at) VALUES ('m13', '2026-01-02', ?, 'connects', '', 150, 'USD', 10, '2026-01-02T00:00:00Z')`,
      )
      .run(purchase.source_id).lastInsertRowid,
  );
  expect(changes()).toBe(4);
  db.prepare(`DELETE FROM expenses WHERE id = ?`).run(id);
  expect(changes()).toBe(5);
  rebuildRollups(db);
  expect(changes()).toBe(6);
};

// Every trigger that moves the counter notes the channel (0: none) and day it touched under the new
// value; an update notes the day it left and the one it went to; a rebuild notes "every day".
perMigration[migration0014.version] = (db) => {
  const changes = () =>
    (db.prepare(`SELECT changes FROM change_counters WHERE name = 'connects_purchases'`).get() as { changes: number })
      .changes;
  const noted = (since: number) =>
    db
      .prepare(`SELECT source_id, day, seq FROM purchase_day_changes WHERE seq > ? ORDER BY seq, source_id, day`)
      .all(since);
  const base = changes(); // the fixture's purchases, written at version 13
  expect(noted(-1)).toEqual([]);
  const purchase = db
    .prepare(`SELECT id, source_id, date FROM expenses WHERE category = 'connects' AND source_id IS NOT NULL LIMIT 1`)
    .get() as { id: number; source_id: number; date: string };
  const other = db
    .prepare(`SELECT id, ifnull(source_id, 0) AS source_id, date FROM expenses WHERE category <> 'connects' LIMIT 1`)
    .get() as { id: number; source_id: number; date: string };
  db.prepare(`UPDATE expenses SET amount_minor = amount_minor + 1 WHERE id = ?`).run(other.id);
  expect([changes(), noted(-1)]).toEqual([base, []]);
  db.prepare(`UPDATE expenses SET connects = connects + 1 WHERE id = ?`).run(purchase.id);
  expect(noted(base)).toEqual([{ source_id: purchase.source_id, day: purchase.date, seq: base + 1 }]);
  db.prepare(`UPDATE expenses SET date = '2024-02-29' WHERE id = ?`).run(purchase.id);
  expect(noted(base + 1)).toEqual([
    { source_id: purchase.source_id, day: '2024-02-29', seq: base + 2 },
    { source_id: purchase.source_id, day: purchase.date, seq: base + 2 },
  ]);
  db.prepare(`UPDATE expenses SET category = 'connects', connects = 5 WHERE id = ?`).run(other.id);
  expect(noted(base + 2)).toEqual([{ source_id: other.source_id, day: other.date, seq: base + 3 }]);
  const id = Number(
    db
      .prepare(
        `INSERT INTO expenses (ref, date, source_id, category, description, amount_minor, currency, connects, created_at) VALUES ('m14', '2026-01-02', NULL, 'connects', '', 150, 'USD', 10, '2026-01-02T00:00:00Z')`,
      )
      .run().lastInsertRowid,
  );
  expect(noted(base + 3)).toEqual([{ source_id: 0, day: '2026-01-02', seq: base + 4 }]);
  db.prepare(`DELETE FROM expenses WHERE id = ?`).run(purchase.id);
  expect(noted(base + 4)).toEqual([{ source_id: purchase.source_id, day: '2024-02-29', seq: base + 5 }]);
  db.prepare(`DELETE FROM expenses WHERE id = ?`).run(id);
  rebuildRollups(db);
  expect([changes(), noted(base + 5)]).toEqual([
    base + 7,
    [
      { source_id: 0, day: '2026-01-02', seq: base + 6 },
      { source_id: -1, day: '', seq: base + 7 },
    ],
  ]);
  // One row per channel and day however often it changes.
  const rows = (db.prepare(`SELECT COUNT(*) AS n FROM purchase_day_changes`).get() as { n: number }).n;
  db.prepare(`UPDATE expenses SET connects = connects + 1 WHERE id = ?`).run(other.id);
  db.prepare(`UPDATE expenses SET connects = connects + 1 WHERE id = ?`).run(other.id);
  expect((db.prepare(`SELECT COUNT(*) AS n FROM purchase_day_changes`).get() as { n: number }).n).toBe(rows);
};

// 0015: an empty table of undo snapshots; a kind it does not know is refused by SQLite.
perMigration[migration0015.version] = (db) => {
  expect(db.prepare('SELECT COUNT(*) AS n FROM undo_snapshots').get()).toEqual({ n: 0 });
  db.prepare(
    `INSERT INTO undo_snapshots (kind, snapshot, deleted_at) VALUES ('lead', '{}', '2026-12-06T00:00:00Z')`,
  ).run();
  expect(() =>
    db.prepare(`INSERT INTO undo_snapshots (kind, snapshot, deleted_at) VALUES ('source', '{}', 'x')`).run(),
  ).toThrow(/CHECK constraint/);
};

// 0016 (docs/domain.md §7): imported records remember what the platform brought; typed ones do not;
// an edit moves the edit clock and stamps the record; taken-over records have their table.
perMigration[migration0016.version] = (db) => {
  expect(
    db.prepare(`SELECT COUNT(*) AS n FROM payments WHERE (import_id IS NULL) != (platform_description IS NULL)`).get(),
  ).toEqual({ n: 0 });
  expect(
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM expenses WHERE import_id IS NOT NULL AND (platform_description IS NOT description OR platform_category IS NOT category)`,
      )
      .get(),
  ).toEqual({ n: 0 });
  const clock = () =>
    (db.prepare(`SELECT changes FROM change_counters WHERE name = 'record_edits'`).get() as { changes: number })
      .changes;
  expect(clock()).toBe(0);
  const payment = db.prepare(`SELECT id FROM payments ORDER BY id LIMIT 1`).get() as { id: number };
  db.prepare(`UPDATE payments SET description = 'edited' WHERE id = ?`).run(payment.id);
  expect([
    clock(),
    (db.prepare(`SELECT edit_seq FROM payments WHERE id = ?`).get(payment.id) as { edit_seq: number }).edit_seq,
  ]).toEqual([1, 1]);
  expect(db.prepare(`SELECT COUNT(*) AS n FROM import_takeovers`).get()).toEqual({ n: 0 });
  expect(() =>
    db
      .prepare(`INSERT INTO import_takeovers (import_id, kind, record_id, typed_json) VALUES (1, 'lead', 1, '{}')`)
      .run(),
  ).toThrow(/CHECK/);
};

// 0017 (docs/domain.md §6): project mappings start empty, one per (client, project) whatever the case, a
// channel required; the wizard's saved mappings are kept and may now target time entries.
perMigration[migration0017.version] = (db) => {
  expect(db.prepare(`SELECT COUNT(*) AS n FROM time_project_mappings`).get()).toEqual({ n: 0 });
  expect(db.prepare(`SELECT name, target FROM csv_mappings`).all()).toEqual([{ name: 'My bank', target: 'expenses' }]);
  const source = (db.prepare(`SELECT id FROM sources ORDER BY id LIMIT 1`).get() as { id: number }).id;
  const map =
    db.prepare(`INSERT INTO time_project_mappings (client, project, client_key, project_key, source_id, lead_id, kind, created_at, updated_at)
    VALUES (?, ?, lower(?), lower(?), ?, NULL, ?, '2026-12-06', '2026-12-06')`);
  map.run('Acme', 'App', 'Acme', 'App', source, 'sales');
  expect(() => map.run('ACME', 'app', 'ACME', 'app', source, 'sales')).toThrow(/UNIQUE/);
  expect(() => map.run('', 'X', '', 'X', source, 'billable')).toThrow(/CHECK/);
  db.prepare(
    `INSERT INTO csv_mappings (name, header_signature, target, mapping_json, created_at) VALUES ('Timesheet', 'day|hours', 'time', '{}', '2026-12-06')`,
  ).run();
  expect(() =>
    db
      .prepare(
        `INSERT INTO csv_mappings (name, header_signature, target, mapping_json, created_at) VALUES ('X', 'x', 'clients', '{}', '2026-12-06')`,
      )
      .run(),
  ).toThrow(/CHECK/);
};

// 0018 (docs/domain.md §8): the bid facts, empty on every existing lead; SQLite refuses values outside the contract.
perMigration[migration0018.version] = (db) => {
  expect(
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM leads WHERE invited <> 0 OR minutes_after_post IS NOT NULL OR proposals_when_bid IS NOT NULL
    OR viewed_on IS NOT NULL OR boost_outcome IS NOT NULL`,
      )
      .get(),
  ).toEqual({ n: 0 });
  expect(rollupDrift(db)).toEqual([]);
  const id = (db.prepare(`SELECT id FROM leads ORDER BY id LIMIT 1`).get() as { id: number }).id;
  const set = (sql: string) => () => db.prepare(`UPDATE leads SET ${sql} WHERE id = ?`).run(id);
  set(
    `invited = 1, minutes_after_post = 25, proposals_when_bid = '<5', viewed_on = '2026-08-02', boost_outcome = 'outbid'`,
  )();
  expect(set(`invited = 2`)).toThrow(/CHECK/);
  expect(set(`minutes_after_post = -1`)).toThrow(/CHECK/);
  expect(set(`proposals_when_bid = '5 - 10'`)).toThrow(/CHECK/);
  expect(set(`boost_outcome = 'won'`)).toThrow(/CHECK/);
};

describe('each migration', () => {
  it('has a test here', () => {
    expect(Object.keys(perMigration).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const migration of migrations) {
    it(`${String(migration.version).padStart(4, '0')}-${migration.name}: from ${migration.version - 1} with rows to ${migration.version}`, () => {
      const file = temp();
      let leadsBefore: unknown[] = [];
      if (migration.version > 1) {
        buildFixture(file, migration.version - 1);
        const db = new Database(file);
        leadsBefore = db.prepare('SELECT id, ref, title, stage, value_minor, currency FROM leads ORDER BY id').all();
        db.close();
      }
      const db = new Database(file);
      try {
        db.pragma('foreign_keys = ON');
        expect(migrate(db, migration.version)).toBe(migration.version);
        expect(db.prepare('SELECT id, ref, title, stage, value_minor, currency FROM leads ORDER BY id').all()).toEqual(
          leadsBefore,
        );
        expect(db.pragma('foreign_key_check')).toEqual([]);
        perMigration[migration.version]!(db);
      } finally {
        db.close();
      }
    });
  }

  it('a failing migration leaves the database at the previous version, unchanged', () => {
    const file = temp();
    buildFixture(file, 1);
    const db = new Database(file);
    db.exec('CREATE TABLE payments (id INTEGER PRIMARY KEY)'); // makes migration 2 fail half-way
    expect(() => migrate(db)).toThrow(/payments already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(columnsOf(db).leads).not.toContain('import_id');
    expect(columnsOf(db).expenses).toBeUndefined();
    db.close();
  });
});
