import type { ReadableDB, WritableDB } from '../db/handles';
import type { SavedMapping } from '../../shared/api/schemas/csv';

/** A saved column mapping of the import wizard, as stored (`mapping_json` is a ColumnMapping). */
export type MappingRecord = {
  id: number;
  name: string;
  target: SavedMapping['target'];
  header_signature: string;
  mapping_json: string;
};

export function listMappingRecords(db: ReadableDB): MappingRecord[] {
  return db
    .prepare(`SELECT id, name, target, header_signature, mapping_json FROM csv_mappings ORDER BY name`)
    .all() as MappingRecord[];
}

/** A mapping by name, whatever its case. */
export function findMappingByName(db: ReadableDB, name: string): MappingRecord | undefined {
  return db
    .prepare(`SELECT id, name, target, header_signature, mapping_json FROM csv_mappings WHERE name = ? COLLATE NOCASE`)
    .get(name) as MappingRecord | undefined;
}

/** Saves a mapping under its name, replacing one of the same name. */
export function upsertMapping(db: WritableDB, row: Omit<MappingRecord, 'id'> & { created_at: string }): void {
  db.prepare(
    `INSERT INTO csv_mappings (name, header_signature, target, mapping_json, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET header_signature = excluded.header_signature, target = excluded.target, mapping_json = excluded.mapping_json`,
  ).run(row.name, row.header_signature, row.target, row.mapping_json, row.created_at);
}

/** Deletes a mapping; false when there was none. */
export function deleteMappingRecord(db: WritableDB, id: number): boolean {
  return db.prepare(`DELETE FROM csv_mappings WHERE id = ?`).run(id).changes > 0;
}
