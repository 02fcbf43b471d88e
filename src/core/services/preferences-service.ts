import { type Preferences, Preferences as PreferencesSchema, type PreferencesUpdate } from '../../shared/api/schemas/preferences';
import type { z } from 'zod';
import type { Ctx } from '../context';
import { getSetting, setSetting } from '../repos/settings-repo';

const key = 'preferences';

/** The stored preferences over the defaults; a damaged value falls back to the defaults field by field. */
export function readPreferences(ctx: Ctx): Preferences {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(getSetting(ctx.db, key) ?? '{}') as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const defaults = PreferencesSchema.parse({});
  const result: Record<string, unknown> = { ...defaults };
  for (const field of Object.keys(defaults) as (keyof Preferences)[]) {
    const one = PreferencesSchema.shape[field].safeParse(stored[field]);
    if (one.success && stored[field] !== undefined) result[field] = one.data;
  }
  return result as Preferences;
}

export function updatePreferences(ctx: Ctx, input: z.output<typeof PreferencesUpdate>): Preferences {
  const next = { ...readPreferences(ctx), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  // Reasons compared case-insensitively: "price" and "Price" are one reason.
  const seen = new Set<string>();
  next.lostReasons = next.lostReasons.filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
  setSetting(ctx.db, key, JSON.stringify(next));
  return next;
}
