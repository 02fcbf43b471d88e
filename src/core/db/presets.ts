import type { Database } from 'better-sqlite3';

type Preset = {
  name: string;
  color: string;
  credit?: { name: string; priceMinor: number; freeMonthly: number };
  commission?: { percentBp: number; minFeeMinor?: number; from: string };
};

// Defaults from docs/domain.md §1; the user edits them when a platform changes its rules.
export const presets: readonly Preset[] = [
  {
    name: 'Upwork',
    color: '#14a800',
    credit: { name: 'Connects', priceMinor: 15, freeMonthly: 10 },
    commission: { percentBp: 1000, from: '2023-05-03' },
  },
  { name: 'Fiverr', color: '#1dbf73', commission: { percentBp: 2000, from: '2000-01-01' } },
  { name: 'Freelancer.com', color: '#29b2fe', commission: { percentBp: 1000, minFeeMinor: 500, from: '2000-01-01' } },
  { name: 'PeoplePerHour', color: '#f26b3a', commission: { percentBp: 2000, from: '2000-01-01' } },
  { name: 'LinkedIn', color: '#0a66c2' },
  { name: 'Stack Overflow', color: '#f48024' },
  { name: 'Personal website', color: '#6b5bd2' },
  { name: 'Behance', color: '#1769ff' },
  { name: 'Unsplash', color: '#3a3a3a' },
  { name: 'ArtStation', color: '#13aff0' },
  { name: 'Podcast', color: '#a83279' },
  { name: 'Referral', color: '#c49a00' },
];

/** Seeds the channel presets once, on the first run of a new database. */
export function seedPresets(db: Database, now = new Date().toISOString()): void {
  const seeded = db.prepare(`SELECT value FROM settings WHERE key = 'presets_seeded'`).get();
  if (seeded) return;
  const insertSource = db.prepare(
    `INSERT INTO sources (name, color, credit_name, free_credits_monthly, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertPrice = db.prepare(
    `INSERT INTO credit_prices (source_id, effective_from, unit_price_minor, currency) VALUES (?, '2000-01-01', ?, 'USD')`,
  );
  const insertRule = db.prepare(
    `INSERT INTO commission_rules (source_id, effective_from, percent_bp, min_fee_minor, currency) VALUES (?, ?, ?, ?, 'USD')`,
  );
  db.transaction(() => {
    presets.forEach((preset, index) => {
      const existing = db.prepare(`SELECT id FROM sources WHERE name = ?`).get(preset.name);
      if (existing) return;
      const { lastInsertRowid } = insertSource.run(
        preset.name,
        preset.color,
        preset.credit?.name ?? null,
        preset.credit?.freeMonthly ?? 0,
        index,
        now,
      );
      if (preset.credit) insertPrice.run(lastInsertRowid, preset.credit.priceMinor);
      if (preset.commission) {
        insertRule.run(
          lastInsertRowid,
          preset.commission.from,
          preset.commission.percentBp,
          preset.commission.minFeeMinor ?? null,
        );
      }
    });
    db.prepare(`INSERT OR IGNORE INTO settings (key, value) VALUES ('base_currency', 'USD')`).run();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('presets_seeded', ?)`).run(now);
  })();
}
