import type { Database } from 'better-sqlite3';

/** What every handler gets: the open store and a clock (tests pin it). */
export type Ctx = {
  db: Database;
  dbPath: string;
  now: () => Date;
};

export function createCtx(db: Database, dbPath: string, now: () => Date = () => new Date()): Ctx {
  return { db, dbPath, now };
}
