import type { Database } from 'better-sqlite3';

/** One schema version. `up` is SQL or a function run inside the migration transaction. */
export type Migration = {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
};
