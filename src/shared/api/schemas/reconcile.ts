import { z } from 'zod';
import { op } from '../define';

// docs/domain.md §7: what an import matched to the typed records, what it doubts, and its Undo.

export const RecordNote = z.object({
  kind: z.enum(['payment', 'expense']),
  id: z.number().int(),
  ref: z.string(),
  date: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  source: z.string(),
  description: z.string(),
  connects: z.number().int(),
});
export type RecordNote = z.infer<typeof RecordNote>;

export const MatchedPair = z.object({ imported: RecordNote, typed: RecordNote });
export const PossibleDuplicate = z.object({ imported: RecordNote, candidates: z.array(RecordNote) });
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;

/** The preview's ticks: the imported row (by its key) is the typed record `id`. */
export const SameAs = z
  .array(z.object({ ref: z.string().min(1).max(300), id: z.number().int().positive() }))
  .max(10_000);

export const ImportUndone = z.object({
  id: z.number().int(),
  removed: z.object({
    leads: z.number().int(),
    payments: z.number().int(),
    expenses: z.number().int(),
    time: z.number().int(),
  }),
  restored: z.number().int(),
});
export type ImportUndone = z.infer<typeof ImportUndone>;

export const ImportRecord = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  startedAt: z.string(),
  inserted: z.number().int(),
  updated: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const importsContract = {
  'imports:list': op.read(
    z.object({ limit: z.number().int().min(1).max(500).optional() }),
    z.array(ImportRecord),
    'Imports written so far, newest first (the Imports history)',
  ),
  'imports:undo': op.write(
    z.object({ id: z.number().int().positive() }),
    ImportUndone,
    'Undo an import: remove the records it added and put back the typed records it took over (refused, naming them, when a later import or edit changed them)',
  ),
};
