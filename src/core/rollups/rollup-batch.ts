import type { Database, Statement } from 'better-sqlite3';

/**
 * A rollup table: key columns identify a row, value columns are summed. `rollsUpTo` names a coarser
 * table with the same values (the month table of a day table) and maps this key to its key.
 */
export type RollupSpec = {
  table: string;
  keys: readonly string[];
  values: readonly string[];
  rollsUpTo?: { spec: RollupSpec; key: (key: readonly unknown[]) => unknown[] };
};

type Pending = { spec: RollupSpec; key: unknown[]; values: number[] };

const statementCache = new WeakMap<Database, Map<string, { upsert: Statement; prune: Statement }>>();

function statementsFor(db: Database, spec: RollupSpec) {
  let perDb = statementCache.get(db);
  if (!perDb) statementCache.set(db, (perDb = new Map()));
  let statements = perDb.get(spec.table);
  if (!statements) {
    const columns = [...spec.keys, ...spec.values];
    const upsert = db.prepare(
      `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (${spec.keys.join(', ')}) DO UPDATE SET ${spec.values.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')}`,
    );
    // The first value column counts records; a row whose count is back to 0 is removed.
    const prune = db.prepare(
      `DELETE FROM ${spec.table} WHERE ${spec.keys.map((k) => `${k} = ?`).join(' AND ')} AND ${spec.values[0]} = 0`,
    );
    statements = { upsert, prune };
    perDb.set(spec.table, statements);
  }
  return statements;
}

/**
 * Collects rollup deltas and writes them in one pass. Callers run `flush` inside the same
 * transaction as the writes the deltas describe, so rollups never drift from the rows.
 */
export class RollupBatch {
  // One map per table, keyed by the key values joined: imports add millions of deltas, so the
  // key is built by plain concatenation (no arrays, no table prefix).
  private readonly pending = new Map<RollupSpec, Map<string, Pending>>();
  private count = 0;

  constructor(private readonly db: Database) {}

  add(spec: RollupSpec, key: unknown[], values: number[], sign: 1 | -1): void {
    let perSpec = this.pending.get(spec);
    if (!perSpec) this.pending.set(spec, (perSpec = new Map()));
    let id = String(key[0]);
    for (let i = 1; i < key.length; i++) id += `\u0000${String(key[i])}`;
    let entry = perSpec.get(id);
    if (!entry) {
      entry = { spec, key, values: new Array<number>(values.length).fill(0) };
      perSpec.set(id, entry);
      this.count++;
    }
    const sums = entry.values;
    for (let i = 0; i < values.length; i++) sums[i]! += sign * values[i]!;
  }

  get size(): number {
    return this.count;
  }

  flush(): void {
    // Coarser rollups get the summed deltas of this batch: one add per pending day row, not one per
    // record (sums are linear, so this equals adding every record to both).
    for (const [spec, perSpec] of [...this.pending]) {
      const coarser = spec.rollsUpTo;
      if (coarser) for (const { key, values } of perSpec.values()) this.add(coarser.spec, coarser.key(key), values, 1);
    }
    for (const perSpec of this.pending.values()) {
      for (const { spec, key, values } of perSpec.values()) {
        if (values.every((v) => v === 0)) continue;
        const { upsert, prune } = statementsFor(this.db, spec);
        upsert.run(...key, ...values);
        if (values[0]! < 0) prune.run(...key);
      }
    }
    this.pending.clear();
    this.count = 0;
  }
}
