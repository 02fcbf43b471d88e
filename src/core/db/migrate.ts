import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { migrations } from './migrations';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs each pending migration in its own transaction, up to `target` (default: latest). */
export function migrate(db: Database, target = migrations.length): number {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError(
      'storage',
      `The database has schema ${current}, newer than this LeadLedger (${migrations.length}).`,
    );
  }
  let applied = 0;
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    applied++;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  // Only after a schema change: a full check reads every table, seconds at a million leads.
  const problems = applied > 0 ? (db.pragma('foreign_key_check') as unknown[]) : [];
  if (problems.length > 0)
    throw new AppError('storage', `foreign_key_check found ${problems.length} broken references after migrating`);
  return schemaVersion(db);
}
