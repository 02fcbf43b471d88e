import type { ReadableDB, WritableDB } from '../db/handles';
import type { TimeKind } from '../../shared/api/schemas/time';

// docs/domain.md §6: each (client, project) pair of a time tracker's files → a channel, an optional
// lead and a kind, saved once and used by every later import (migration 0017).

export const projectKey = (client: string, project: string) =>
  `${client.trim().toLowerCase()}\u001f${project.trim().toLowerCase()}`;

/** A saved mapping as an import reads it: names and refs, as the writer resolves them. */
export type ProjectTarget = { source: string; leadRef: string | null; kind: TimeKind };
export type ProjectMap = Record<string, ProjectTarget>;

export type ProjectMappingRecord = {
  client: string;
  project: string;
  sourceId: number;
  sourceName: string;
  leadId: number | null;
  leadTitle: string | null;
  kind: TimeKind;
};

export function listProjectMappings(db: ReadableDB): ProjectMappingRecord[] {
  return db
    .prepare(
      `SELECT m.client, m.project, m.source_id AS sourceId, s.name AS sourceName, m.lead_id AS leadId, l.title AS leadTitle, m.kind
       FROM time_project_mappings m JOIN sources s ON s.id = m.source_id LEFT JOIN leads l ON l.id = m.lead_id
       ORDER BY m.client_key, m.project_key`,
    )
    .all() as ProjectMappingRecord[];
}

/** Every saved mapping, by projectKey, for an import. */
export function projectMap(db: ReadableDB): ProjectMap {
  const rows = db
    .prepare(
      `SELECT m.client_key, m.project_key, s.name AS source, l.ref AS leadRef, m.kind
       FROM time_project_mappings m JOIN sources s ON s.id = m.source_id LEFT JOIN leads l ON l.id = m.lead_id`,
    )
    .all() as { client_key: string; project_key: string; source: string; leadRef: string | null; kind: TimeKind }[];
  const out: ProjectMap = {};
  for (const r of rows)
    out[`${r.client_key}\u001f${r.project_key}`] = { source: r.source, leadRef: r.leadRef, kind: r.kind };
  return out;
}

export function saveProjectMapping(
  db: WritableDB,
  m: { client: string; project: string; sourceId: number; leadId: number | null; kind: TimeKind },
  now: string,
): void {
  db.prepare(
    `INSERT INTO time_project_mappings (client, project, client_key, project_key, source_id, lead_id, kind, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (client_key, project_key) DO UPDATE SET client = excluded.client, project = excluded.project, source_id = excluded.source_id,
       lead_id = excluded.lead_id, kind = excluded.kind, updated_at = excluded.updated_at`,
  ).run(
    m.client.trim(),
    m.project.trim(),
    m.client.trim().toLowerCase(),
    m.project.trim().toLowerCase(),
    m.sourceId,
    m.leadId,
    m.kind,
    now,
    now,
  );
}

/** Leads a tracker's client may be (the lead's client name equals it, case-insensitive), newest first. */
export function leadsOfClient(db: ReadableDB, client: string): { id: number; title: string; sourceId: number }[] {
  if (client.trim() === '') return [];
  return db
    .prepare(
      `SELECT id, title, source_id AS sourceId FROM leads WHERE client = ? COLLATE NOCASE ORDER BY created_on DESC, id DESC LIMIT 20`,
    )
    .all(client.trim()) as { id: number; title: string; sourceId: number }[];
}
