import type { Database } from 'better-sqlite3';
import { type DeletedActivity, type DeletedLead } from '../../shared/api/schemas/undo';

/** What goes with a lead when it is deleted: its stage history, activity and payment links, in id order. */
export function leadDependents(db: Database, leadId: number): Omit<DeletedLead, 'lead'> {
  return {
    stageChanges: db
      .prepare(`SELECT id, from_stage, to_stage, changed_at FROM stage_changes WHERE lead_id = ? ORDER BY id`)
      .all(leadId) as DeletedLead['stageChanges'],
    activity: db
      .prepare(`SELECT id, kind, at, text, created_at FROM activity WHERE lead_id = ? ORDER BY id`)
      .all(leadId) as DeletedLead['activity'],
    paymentIds: (
      db.prepare(`SELECT id FROM payments WHERE lead_id = ? ORDER BY id`).all(leadId) as { id: number }[]
    ).map((r) => r.id),
    timeEntryIds: (
      db.prepare(`SELECT id FROM time_entries WHERE lead_id = ? ORDER BY id`).all(leadId) as { id: number }[]
    ).map((r) => r.id),
  };
}

export function activityById(db: Database, id: number): DeletedActivity | undefined {
  return db.prepare(`SELECT id, lead_id, kind, at, text, created_at FROM activity WHERE id = ?`).get(id) as
    DeletedActivity | undefined;
}

/** What a delete kept for Undo (migration 0015). */
export type UndoKind = 'lead' | 'payment' | 'expense' | 'subscription' | 'activity';

/** The newest deletes that can be undone; older snapshots are removed at the next delete. */
export const undoKept = 200;

/**
 * Keeps what a delete removed, in the delete's own transaction, and returns the id `undo:*` names.
 * Snapshots beyond the newest `undoKept` go (a deleted record does not linger in the file).
 */
export function keepUndoSnapshot(db: Database, kind: UndoKind, snapshot: unknown, deletedAt: string): number {
  const id = Number(
    db
      .prepare(`INSERT INTO undo_snapshots (kind, snapshot, deleted_at) VALUES (?, ?, ?)`)
      .run(kind, JSON.stringify(snapshot), deletedAt).lastInsertRowid,
  );
  db.prepare(`DELETE FROM undo_snapshots WHERE id <= ?`).run(id - undoKept);
  return id;
}

export type UndoSnapshotRow = {
  id: number;
  kind: UndoKind;
  snapshot: string;
  deleted_at: string;
  undone_at: string | null;
};

export function undoSnapshotById(db: Database, id: number): UndoSnapshotRow | undefined {
  return db.prepare(`SELECT id, kind, snapshot, deleted_at, undone_at FROM undo_snapshots WHERE id = ?`).get(id) as
    UndoSnapshotRow | undefined;
}

export function markUndone(db: Database, id: number, at: string): void {
  db.prepare(`UPDATE undo_snapshots SET undone_at = ? WHERE id = ?`).run(at, id);
}
