import { z } from 'zod';
import { op } from '../define';
import { id, isoDate } from '../fields';
import { Activity } from './activity';
import { LeadRow } from './leads';

export const defaultLostReasons = ['Price', 'No reply', 'Chose someone else', 'Job cancelled', 'Not a fit'];

const reason = z.string().trim().min(1, 'A reason cannot be empty').max(60, 'At most 60 characters');

const fields = {
  theme: z.enum(['system', 'light', 'dark']),
  /** 'locale' (the default) follows the OS/browser locale; the others are date-fns patterns. */
  dateFormat: z.enum(['locale', 'd MMM yyyy', 'yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy']),
  weekStartsOn: z.union([z.literal(0), z.literal(1), z.literal(6)]),
  staleDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days'),
  notifications: z.boolean(),
  lostReasons: z.array(reason).min(1, 'Keep at least one reason').max(30),
};

/** How the app looks and behaves (Settings page). Stored as one JSON setting. */
export const Preferences = z.object({
  theme: fields.theme.default('system'),
  dateFormat: fields.dateFormat.default('locale'),
  weekStartsOn: fields.weekStartsOn.default(1),
  staleDays: fields.staleDays.default(21),
  notifications: fields.notifications.default(true),
  lostReasons: fields.lostReasons.default(defaultLostReasons),
});
export type Preferences = z.infer<typeof Preferences>;

/** Only the fields given change (no defaults here: a partial of `Preferences` would fill them in). */
export const PreferencesUpdate = z.object(fields).partial();

export const LostReasonCount = z.object({
  sourceId: id,
  sourceName: z.string(),
  sourceColor: z.string(),
  reason: z.string(),
  count: z.number().int(),
});
export type LostReasonCount = z.infer<typeof LostReasonCount>;

/** A follow-up with what happened last on its lead. */
/** `lastActivity`: the latest one up to now; `planned`: the next one dated later (a meeting). */
export const AgendaItem = z.object({
  lead: LeadRow,
  lastActivity: Activity.nullable(),
  planned: Activity.nullable().optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const preferencesContract = {
  'preferences:get': op.read(
    z.object({}),
    Preferences,
    'The preferences (theme, date format, week start, stale days, notifications, lost reasons)',
  ),
  'preferences:update': op.write(PreferencesUpdate, Preferences, 'Change preferences'),
  /** Lost leads closed in the range, counted per channel and reason (Reports). */
  'reasons:report': op.read(
    z.object({ from: isoDate.optional(), to: isoDate.optional() }),
    z.array(LostReasonCount),
    'Lost leads closed in a range, counted per channel and reason',
  ),
  /** Every open lead with a follow-up date, soonest first. */
  'agenda:list': op.read(
    z.object({}),
    z.array(AgendaItem),
    'Every open lead with a follow-up date, soonest first, with its last activity',
  ),
  /** "Done": records a follow-up activity and sets the next follow-up (or none), in one transaction. */
  'agenda:done': op.write(
    z.object({ leadId: id, at: z.string(), next: isoDate.nullable(), text: z.string().trim().max(2000).optional() }),
    z.object({ activityId: id }),
    'Follow-up done: record it as an activity and set the next follow-up (or none)',
  ),
};
