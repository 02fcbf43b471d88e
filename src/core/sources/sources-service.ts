import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { Source, SourceCreate, SourceUpdate } from '../../shared/api/schemas/sources';
import { toIsoDate } from '../../shared/dates';
import type { Ctx } from '../context';
import { nextChannelColor } from '../../shared/domain/palette';
import {
  countSources,
  findSourceByName,
  insertSource,
  listSources,
  requireSource,
  updateSourceRecord,
} from './sources-repo';

function sourceById(ctx: Ctx, id: number): Source {
  const source = listSources(ctx.db, toIsoDate(ctx.now()), true).find((s) => s.id === id);
  if (!source) throw new AppError('not_found', `Channel ${id} does not exist`);
  return source;
}

export function createSource(ctx: Ctx, input: z.output<typeof SourceCreate>): Source {
  const { db } = ctx;
  const id = db.transaction(() => {
    if (findSourceByName(db, input.name)) throw fieldError('name', `A channel named "${input.name}" exists`);
    const count = countSources(db);
    return insertSource(db, {
      name: input.name,
      // A hue unlike the channels already there, not the next of a short fixed cycle.
      color: input.color ?? nextChannelColor(listSources(db, toIsoDate(ctx.now()), true).map((s) => s.color)),
      credit_name: input.creditName || null,
      free_credits_monthly: input.freeCreditsMonthly ?? 0,
      sort_order: count,
      created_at: ctx.now().toISOString(),
    });
  })();
  return sourceById(ctx, id);
}

export function updateSource(ctx: Ctx, input: z.output<typeof SourceUpdate>): Source {
  const { db } = ctx;
  db.transaction(() => {
    const before = requireSource(db, input.id, 'id');
    if (input.name !== undefined) {
      const clash = findSourceByName(db, input.name);
      if (clash && clash.id !== before.id) throw fieldError('name', `A channel named "${input.name}" exists`);
    }
    updateSourceRecord(db, {
      id: before.id,
      name: input.name ?? before.name,
      color: input.color ?? before.color,
      archived: input.archived === undefined ? before.archived : input.archived ? 1 : 0,
      credit_name: input.creditName === undefined ? before.credit_name : input.creditName || null,
      free_credits_monthly: input.freeCreditsMonthly ?? before.free_credits_monthly,
    });
  })();
  return sourceById(ctx, input.id);
}
