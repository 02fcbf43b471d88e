import { z } from 'zod';
import { maxEntryMinutes, timeKinds } from '../../domain/time';
import { op } from '../define';
import { id, isoDate } from '../fields';

// The kinds and their labels live in domain/time.ts, free of zod, so the renderer's first chunk can show them.
export { timeKindLabels, timeKinds } from '../../domain/time';
export const TimeKind = z.enum(timeKinds, { error: 'kind is sales or delivery' });
export type TimeKind = z.infer<typeof TimeKind>;

const minutes = z
  .number({ error: 'Minutes must be a number' })
  .int('Minutes must be a whole number')
  .positive('Minutes must be more than 0')
  .max(maxEntryMinutes, 'At most 1440 minutes (24 hours) in one entry');
const note = z.string().trim().max(2000, 'At most 2,000 characters');

export const TimeEntry = z.object({
  id,
  ref: z.string(),
  date: z.string(),
  sourceId: id,
  sourceName: z.string(),
  leadId: id.nullable(),
  leadTitle: z.string().nullable(),
  kind: TimeKind,
  minutes: z.number().int(),
  note: z.string(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

/** A lead's entry takes the lead's channel; a channel-level entry (a Behance post) names only the channel. */
export const TimeCreate = z.object({
  date: isoDate,
  leadId: id.nullable().optional(),
  sourceId: id.nullable().optional(),
  kind: TimeKind,
  minutes,
  note: note.default(''),
  /** Its key; given only when Undo of a delete puts an entry back under the ref it had. */
  ref: z.string().trim().min(1).max(200).optional(),
});

/** The checks of the form on an imported time.csv row (core/csv/check-draft). */
export const TimeImportRow = TimeCreate.pick({ date: true, kind: true, minutes: true, note: true }).extend({
  ref: z.string().max(200, 'At most 200 characters'),
});

export const TimeUpdate = z.object({
  id,
  date: isoDate.optional(),
  leadId: id.nullable().optional(),
  sourceId: id.nullable().optional(),
  kind: TimeKind.optional(),
  minutes: minutes.optional(),
  note: note.optional(),
});

export const TimeListInput = z.object({
  leadId: id.optional(),
  sourceId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const TimeList = z.object({
  entries: z.array(TimeEntry),
  /** Over every entry that matches, not only the listed ones. */
  totals: z.object({ count: z.number().int(), salesMinutes: z.number().int(), deliveryMinutes: z.number().int() }),
});
export type TimeList = z.infer<typeof TimeList>;

/** The running timer, kept in the database so it survives a restart. */
export const Timer = z.object({
  startedAt: z.string(),
  leadId: id.nullable(),
  leadTitle: z.string().nullable(),
  sourceId: id,
  sourceName: z.string(),
  kind: TimeKind,
  note: z.string(),
});
export type Timer = z.infer<typeof Timer>;

export const TimerStart = z.object({
  leadId: id.nullable().optional(),
  sourceId: id.nullable().optional(),
  kind: TimeKind.default('sales'),
  note: note.default(''),
});

export const timeContract = {
  'time:list': op.read(
    TimeListInput,
    TimeList,
    'Time entries of a lead, a channel or a date range, newest first, with their totals',
  ),
  'time:create': op.write(TimeCreate, TimeEntry, 'Log time (minutes, sales or delivery) on a lead or on a channel'),
  'time:update': op.write(TimeUpdate, TimeEntry, 'Change a time entry'),
  'time:delete': op.write(
    z.object({ id }),
    z.object({ deleted: z.boolean(), entry: TimeEntry.optional() }),
    'Delete a time entry (returns it as it was, for Undo)',
  ),
  'timer:get': op.read(z.object({}), Timer.nullable(), 'The running timer, or null'),
  'timer:start': op.write(
    TimerStart,
    Timer,
    'Start a timer on a lead or a channel (one at a time; survives a restart)',
  ),
  'timer:stop': op.write(
    z.object({ note: note.optional() }),
    TimeEntry,
    'Stop the running timer and log its minutes as a time entry dated the day it started',
  ),
  'timer:cancel': op.write(
    z.object({}),
    z.object({ cancelled: z.boolean() }),
    'Discard the running timer without logging it',
  ),
};
