import {
  type Preferences,
  Preferences as PreferencesSchema,
  type PreferencesUpdate,
} from '../../shared/api/schemas/preferences';
import type { z } from 'zod';
import type { Ctx, ReadCtx } from '../context';
import { getSetting, setSetting } from '../db/settings-repo';

const key = 'preferences';

/** The fields the user set (valid ones only): a field never set keeps following its default. */
function readChosen(ctx: ReadCtx): Partial<Preferences> {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(getSetting(ctx.db, key) ?? '{}') as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const chosen: Record<string, unknown> = {};
  for (const field of Object.keys(PreferencesSchema.shape) as (keyof Preferences)[]) {
    const one = PreferencesSchema.shape[field].safeParse(stored[field]);
    if (one.success && stored[field] !== undefined) chosen[field] = one.data;
  }
  return chosen as Partial<Preferences>;
}

/** The stored preferences over the defaults; a damaged value falls back to the defaults field by field. */
export function readPreferences(ctx: ReadCtx): Preferences {
  return { ...PreferencesSchema.parse({}), ...readChosen(ctx) };
}

export function updatePreferences(ctx: Ctx, input: z.output<typeof PreferencesUpdate>): Preferences {
  const chosen: Partial<Preferences> = {
    ...readChosen(ctx),
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  };
  // Reasons compared case-insensitively: "price" and "Price" are one reason.
  if (chosen.lostReasons) {
    const seen = new Set<string>();
    chosen.lostReasons = chosen.lostReasons.filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
  }
  // Only what was chosen is stored, so a default (the locale's date format) stays a default.
  setSetting(ctx.db, key, JSON.stringify(chosen));
  return { ...PreferencesSchema.parse({}), ...chosen };
}
