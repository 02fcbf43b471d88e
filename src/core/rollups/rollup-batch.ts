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
  // Per table, one Map per key column nested in the one before it, an entry at the end: imports add
  // millions of deltas, and walking maps by the key values as they are (short strings and numbers
  // whose hashes V8 keeps) costs less than building one joined string per delta to look up (docs/performance.md).
  private readonly pending = new Map<RollupSpec, Map<unknown, unknown>>();
  private readonly entries = new Map<RollupSpec, Pending[]>();
  private count = 0;

  constructor(private readonly db: Database) {}

  add(spec: RollupSpec, key: unknown[], values: number[], sign: 1 | -1): void {
    let level = this.pending.get(spec);
    if (!level) this.pending.set(spec, (level = new Map()));
    const last = key.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(key[i]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(key[i], (next = new Map()));
      level = next;
    }
    let entry = level.get(key[last]) as Pending | undefined;
    if (!entry) {
      entry = { spec, key, values: new Array<number>(values.length).fill(0) };
      level.set(key[last], entry);
      let list = this.entries.get(spec);
      if (!list) this.entries.set(spec, (list = []));
      list.push(entry);
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
    for (const [spec, list] of [...this.entries]) {
      const coarser = spec.rollsUpTo;
      if (coarser) for (const { key, values } of list) this.add(coarser.spec, coarser.key(key), values, 1);
    }
    for (const list of this.entries.values()) {
      for (const { spec, key, values } of list) {
        if (values.every((v) => v === 0)) continue;
        const { upsert, prune } = statementsFor(this.db, spec);
        upsert.run(...key, ...values);
        if (values[0]! < 0) prune.run(...key);
      }
    }
    this.pending.clear();
    this.entries.clear();
    this.count = 0;
  }
}
