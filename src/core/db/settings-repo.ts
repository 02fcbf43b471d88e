import type { ReadableDB, WritableDB } from './handles';

export function getSetting(db: ReadableDB, key: string): string | undefined {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: WritableDB, key: string, value: string): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, value);
}

export function baseCurrency(db: ReadableDB): string {
  return getSetting(db, 'base_currency') ?? 'USD';
}
