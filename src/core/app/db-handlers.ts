import type { DbCheck } from '../../shared/api/schemas/db';
import type { Ctx } from '../context';
import { schemaVersion } from '../db/migrate';
import { latestVersion } from '../db/migrations';
import { brokenReferences, integrityProblems, leadTotal } from './health-repo';
import { rebuildRollups, rollupDrift } from '../rollups/rebuild';
import type { HandlersFor } from '../handler-types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Pages (through SQLite, never a raw read), references, and the summary tables when the schema is current. */
function examine(ctx: Ctx): { problems: string[]; notes: string[]; summariesChecked: boolean } {
  const { db } = ctx;
  const version = schemaVersion(db);
  const problems: string[] = [];
  const notes: string[] = [];
  const damage = integrityProblems(db);
  if (damage.length > 0) return { problems: [`is damaged (${damage[0]})`], notes, summariesChecked: false };
  const broken = brokenReferences(db);
  if (broken.count > 0) problems.push(`${plural(broken.count, 'broken reference')} (${broken.pairs.join(', ')})`);
  const summariesChecked = version === latestVersion;
  if (summariesChecked) {
    const drift = rollupDrift(db);
    if (drift.length > 0)
      problems.push(`summary tables differ from the data (${drift.join(', ')}); run leadledger check --repair`);
  } else {
    notes.push(
      `schema ${version} will be updated to ${latestVersion} the next time LeadLedger opens it; summary tables not checked`,
    );
  }
  return { problems, notes, summariesChecked };
}

export const dbHandlers: HandlersFor<'db'> = {
  'db:check': (ctx, { repair }): DbCheck => {
    let finding = examine(ctx);
    let repaired = false;
    if (repair && finding.summariesChecked && finding.problems.some((p) => p.startsWith('summary tables'))) {
      rebuildRollups(ctx.db);
      repaired = true;
      finding = examine(ctx);
    }
    return { schemaVersion: schemaVersion(ctx.db), leads: leadTotal(ctx.db), repaired, ...finding };
  },
};
