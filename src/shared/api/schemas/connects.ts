import { z } from 'zod';
import { op } from '../define';
import { id, isoDate } from '../fields';

// The credits ledger of docs/domain.md §5: per credit-based channel (Upwork Connects and the like).

/** A channel named by id (the app) or by name (the command line). */
const channelRef = {
  sourceId: id.optional(),
  source: z.string().trim().min(1, 'Name a channel').max(60).optional(),
};
const needsChannel = (v: { sourceId?: number | undefined; source?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.sourceId === undefined && v.source === undefined)
    ctx.addIssue({ code: 'custom', path: ['source'], message: 'Name the channel (--source NAME)' });
};
/** Saves an edit or delete that leaves credits short on some day (answered `needs_confirmation` without it). */
const confirmShortfall = z.boolean().optional();
const wholeCount = z
  .number({ error: 'Enter a whole number' })
  .int('Whole numbers only')
  .min(-1_000_000, 'Too large')
  .max(1_000_000, 'Too large');

/** Exactly the fields `leadledger connects --json` prints, in docs/domain.md §5's order. */
export const ConnectsSummary = z.object({
  source: z.string(),
  balance: z.number().int(),
  expiringIn30Days: z.number().int(),
  spent: z.number().int(),
  bought: z.number().int(),
  allowance: z.number().int(),
  adjustments: z.number().int(),
  expired: z.number().int(),
  uncovered: z.number().int(),
  start: z.string().nullable(),
  startAssumed: z.boolean(),
});
export type ConnectsSummary = z.infer<typeof ConnectsSummary>;

export const CreditEntry = z.object({
  id,
  sourceId: id,
  kind: z.enum(['opening', 'adjustment']),
  on: z.string(),
  count: z.number().int(),
  note: z.string(),
});
export type CreditEntry = z.infer<typeof CreditEntry>;

export const LedgerMonth = z.object({
  month: z.string(),
  in: z.number().int(),
  out: z.number().int(),
  expired: z.number().int(),
  balance: z.number().int(),
});

/** The summary plus what the Connects screen shows. */
export const ConnectsLedger = ConnectsSummary.extend({
  sourceId: id,
  creditName: z.string(),
  opening: z.number().int(),
  months: z.array(LedgerMonth),
  entries: z.array(CreditEntry),
  warnings: z.array(z.string()),
});
export type ConnectsLedger = z.infer<typeof ConnectsLedger>;

export const ConnectsQuery = z.object({ ...channelRef, on: isoDate.optional() });

export const OpeningInput = z
  .object({
    ...channelRef,
    count: wholeCount.min(0, 'An opening balance cannot be negative'),
    on: isoDate,
    confirmShortfall,
  })
  .superRefine(needsChannel);
export type OpeningInput = z.input<typeof OpeningInput>;

export const AdjustInput = z
  .object({
    ...channelRef,
    count: wholeCount.refine((n) => n !== 0, 'An adjustment of 0 changes nothing'),
    on: isoDate,
    note: z.string().trim().min(1, 'Say why (for example "Upwork shows 212")').max(500, 'At most 500 characters'),
  })
  .superRefine(needsChannel);
export type AdjustInput = z.input<typeof AdjustInput>;

export const connectsContract = {
  /** Every credit channel (or the one named) up to `on` (default today). */
  'connects:ledger': op.read(
    ConnectsQuery,
    z.object({ on: z.string(), channels: z.array(ConnectsLedger) }),
    'The credits ledger (DOMAIN §5) of every credit channel, or the one named, up to a day',
  ),
  'connects:set-opening': op.write(
    OpeningInput,
    CreditEntry,
    "Set a channel's opening credits balance on a day (replaces the earlier one)",
  ),
  'connects:adjust': op.write(
    AdjustInput,
    CreditEntry,
    'Add or take credits on a day with a note, to match the platform',
  ),
  'connects:delete-entry': op.write(
    z.object({ id, confirmShortfall }),
    z.object({ deleted: z.boolean() }),
    'Delete an opening balance or an adjustment (one that leaves credits short asks for confirmShortfall)',
  ),
};
