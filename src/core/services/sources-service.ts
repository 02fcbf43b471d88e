import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { Source, SourceCreate, SourceUpdate } from '../../shared/api/schemas/sources';
import { toIsoDate } from '../../shared/dates';
import type { Ctx } from '../context';
import { findSourceByName, listSources, requireSource } from '../repos/sources-repo';

const palette = ['#2f6fde', '#d2452f', '#2e9d6a', '#b8860b', '#8e44ad', '#16a2b8', '#e0663a', '#5c6bc0'];

function sourceById(ctx: Ctx, id: number): Source {
  const source = listSources(ctx.db, toIsoDate(ctx.now()), true).find((s) => s.id === id);
  if (!source) throw new AppError('not_found', `Channel ${id} does not exist`);
  return source;
}

export function createSource(ctx: Ctx, input: z.output<typeof SourceCreate>): Source {
  const { db } = ctx;
  const id = db.transaction(() => {
    if (findSourceByName(db, input.name)) throw fieldError('name', `A channel named "${input.name}" exists`);
    const count = (db.prepare(`SELECT COUNT(*) AS n FROM sources`).get() as { n: number }).n;
    const result = db
      .prepare(
        `INSERT INTO sources (name, color, credit_name, free_credits_monthly, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name,
        input.color ?? palette[count % palette.length],
        input.creditName || null,
        input.freeCreditsMonthly ?? 0,
        count,
        ctx.now().toISOString(),
      );
    return Number(result.lastInsertRowid);
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
    db.prepare(
      `UPDATE sources SET name = ?, color = ?, archived = ?, credit_name = ?, free_credits_monthly = ? WHERE id = ?`,
    ).run(
      input.name ?? before.name,
      input.color ?? before.color,
      input.archived === undefined ? before.archived : input.archived ? 1 : 0,
      input.creditName === undefined ? before.credit_name : input.creditName || null,
      input.freeCreditsMonthly ?? before.free_credits_monthly,
      before.id,
    );
  })();
  return sourceById(ctx, input.id);
}
