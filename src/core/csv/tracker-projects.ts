import type { ReadableDB } from '../db/handles';
import { AppError, fieldError } from '../../shared/api/result';
import type { TrackerProject } from '../../shared/api/schemas/csv';
import type { TimeKind } from '../../shared/api/schemas/time';
import type { Ctx } from '../context';
import { planFile } from './file-plan';
import { readCsvFile } from './read-file';
import { indexHeaders } from '../../shared/csv/headers';
import { leadsOfClient, listProjectMappings, projectKey, saveProjectMapping } from '../time/time-projects-repo';
import { trackerAliases } from './tracker-columns';
import { cellAt } from './row-cells';

// The project mapping screen's data (docs/domain.md §6): every (client, project) pair of a time
// tracker's file with its entries and minutes, the mapping saved for it, and the leads whose client
// name equals the tracker's client (offered, never chosen for the user).

/** The file's (client, project) pairs, in the order they first appear. */
export async function trackerProjects(db: ReadableDB, file: string): Promise<TrackerProject[]> {
  // Any channel name reads every row; only the pairs and their minutes are kept.
  const plan = await planFile(db, file, { source: '\u0000' }, {});
  const ix = indexHeaders(plan.headers, trackerAliases);
  const pairs = new Map<string, { client: string; project: string; entries: number; minutes: number }>();
  let header = true;
  await readCsvFile(
    file,
    plan.encoding,
    ({ fields, line }) => {
      if (header) {
        header = false;
        return;
      }
      const client = cellAt(fields, ix.client);
      const project = cellAt(fields, ix.project);
      const key = projectKey(client, project);
      const pair = pairs.get(key) ?? { client, project, entries: 0, minutes: 0 };
      pairs.set(key, pair);
      const result = plan.mapper.row(fields, line);
      if (result.kind !== 'drafts') return;
      for (const d of result.drafts) {
        if (d.type !== 'time') continue;
        pair.entries++;
        pair.minutes += d.minutes;
      }
    },
    { delimiter: plan.delimiter },
  );
  const saved = new Map(listProjectMappings(db).map((m) => [projectKey(m.client, m.project), m]));
  return [...pairs.entries()].map(([key, p]) => {
    const m = saved.get(key);
    return {
      ...p,
      mapping: m ? { sourceId: m.sourceId, leadId: m.leadId, kind: m.kind } : null,
      leads: leadsOfClient(db, p.client),
    };
  });
}

export type ProjectChoice = {
  client: string;
  project: string;
  sourceId: number;
  leadId: number | null;
  kind: TimeKind;
};

/** Saves the user's choices; a lead must be on the chosen channel. All or nothing. */
export function saveTrackerProjects(ctx: Ctx, choices: readonly ProjectChoice[]): { saved: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const now = ctx.now().toISOString();
    choices.forEach((c, i) => {
      const source = db.prepare(`SELECT id, name FROM sources WHERE id = ?`).get(c.sourceId) as
        { id: number; name: string } | undefined;
      if (!source) throw fieldError(`projects.${i}.sourceId`, `Channel ${c.sourceId} does not exist`);
      if (c.leadId !== null) {
        const lead = db
          .prepare(
            `SELECT l.source_id AS sourceId, s.name FROM leads l JOIN sources s ON s.id = l.source_id WHERE l.id = ?`,
          )
          .get(c.leadId) as { sourceId: number; name: string } | undefined;
        if (!lead) throw fieldError(`projects.${i}.leadId`, `Lead ${c.leadId} does not exist`);
        if (lead.sourceId !== c.sourceId) {
          throw new AppError(
            'invalid_input',
            `Project "${c.project}": the lead is on ${lead.name}, not ${source.name}; choose its channel or no lead`,
            [{ path: `projects.${i}.leadId`, message: `The lead is on ${lead.name}` }],
          );
        }
      }
      saveProjectMapping(db, c, now);
    });
    return { saved: choices.length };
  })();
}
