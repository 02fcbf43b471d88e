import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type {
  TimeCreate,
  TimeEntry,
  TimeList,
  TimeListInput,
  Timer,
  TimerStart,
  TimeUpdate,
} from '../../shared/api/schemas/time';
import { toIsoDate } from '../../shared/dates';
import { elapsedMinutes, maxEntryMinutes } from '../../shared/domain/time';
import type { Ctx, ReadCtx } from '../context';
import { RollupBatch } from '../rollups/rollup-batch';
import { requireSource } from '../sources/sources-repo';
import {
  clearTimer,
  deleteTimeEntry,
  getTimeByRef,
  getTimeEntry,
  getTimeRecord,
  insertTimeEntry,
  leadOfTime,
  listTimeEntries,
  readTimer,
  type StoredTimer,
  timeTotals,
  updateTimeRecord,
  writeTimer,
} from './time-repo';

// Time entries (docs/domain.md §6.1). An entry names a lead (its channel comes along) or a channel
// alone; both may be given when they agree. Time is logged for today or earlier.

type Target = { leadId: number | null; sourceId: number };

/** The lead and channel of an entry, checked: they must exist and agree. */
function resolveTarget(ctx: Ctx, leadId: number | null | undefined, sourceId: number | null | undefined): Target {
  const { db } = ctx;
  if (leadId) {
    const lead = leadOfTime(db, leadId);
    if (!lead) throw fieldError('leadId', `Lead ${leadId} does not exist`);
    if (sourceId && sourceId !== lead.source_id) {
      const leadSource = requireSource(db, lead.source_id);
      const given = requireSource(db, sourceId);
      throw fieldError(
        'sourceId',
        `The lead is on ${leadSource.name}, not ${given.name}: leave the channel empty or pick the lead's`,
      );
    }
    return { leadId, sourceId: lead.source_id };
  }
  if (!sourceId) throw fieldError('sourceId', 'Choose a channel or a lead');
  requireSource(db, sourceId);
  return { leadId: null, sourceId };
}

function checkDate(ctx: Ctx, date: string): void {
  const today = toIsoDate(ctx.now());
  if (date > today)
    throw fieldError('date', `${date} is in the future: time can be logged for today (${today}) or earlier`);
}

function entry(ctx: Ctx, id: number): TimeEntry {
  const found = getTimeEntry(ctx.db, id);
  if (!found) throw new AppError('not_found', `Time entry ${id} does not exist`);
  return found;
}

export function createTime(ctx: Ctx, input: z.output<typeof TimeCreate>): TimeEntry {
  const { db } = ctx;
  return db.transaction(() => {
    checkDate(ctx, input.date);
    const target = resolveTarget(ctx, input.leadId, input.sourceId);
    if (input.ref && getTimeByRef(db, input.ref))
      throw fieldError('ref', `A time entry with ref "${input.ref}" exists`);
    const now = ctx.now().toISOString();
    const batch = new RollupBatch(db);
    const id = insertTimeEntry(
      db,
      {
        ref: input.ref ?? `time-${randomUUID()}`,
        date: input.date,
        source_id: target.sourceId,
        lead_id: target.leadId,
        kind: input.kind,
        minutes: input.minutes,
        note: input.note,
        import_id: null,
        created_at: now,
        updated_at: now,
      },
      batch,
    );
    batch.flush();
    return entry(ctx, id);
  })();
}

export function updateTime(ctx: Ctx, input: z.output<typeof TimeUpdate>): TimeEntry {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getTimeRecord(db, input.id);
    if (!before) throw new AppError('not_found', `Time entry ${input.id} does not exist`);
    const date = input.date ?? before.date;
    if (input.date !== undefined) checkDate(ctx, date);
    // Naming a new lead (or clearing it) re-decides the channel; otherwise the given channel is checked against the kept lead.
    const leadId = input.leadId !== undefined ? input.leadId : before.lead_id;
    const sourceId =
      input.sourceId !== undefined
        ? input.sourceId
        : input.leadId !== undefined && input.leadId !== null
          ? null
          : before.source_id;
    const target = resolveTarget(ctx, leadId, sourceId);
    const batch = new RollupBatch(db);
    updateTimeRecord(
      db,
      before,
      {
        date,
        source_id: target.sourceId,
        lead_id: target.leadId,
        kind: input.kind ?? before.kind,
        minutes: input.minutes ?? before.minutes,
        note: input.note ?? before.note,
        updated_at: ctx.now().toISOString(),
      },
      batch,
    );
    batch.flush();
    return entry(ctx, before.id);
  })();
}

/** Deletes an entry and returns it as it was, so Undo can put it back (time:create with its ref). */
export function removeTime(ctx: Ctx, id: number): { deleted: boolean; entry?: TimeEntry } {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getTimeEntry(db, id);
    const batch = new RollupBatch(db);
    const deleted = deleteTimeEntry(db, id, batch);
    batch.flush();
    return deleted && before ? { deleted, entry: before } : { deleted };
  })();
}

export function listTime(ctx: ReadCtx, input: z.output<typeof TimeListInput>): TimeList {
  const filter = { leadId: input.leadId, sourceId: input.sourceId, from: input.from, to: input.to };
  return { entries: listTimeEntries(ctx.db, filter, input.limit), totals: timeTotals(ctx.db, filter) };
}

function timerView(ctx: ReadCtx, t: StoredTimer): Timer {
  const lead = t.leadId ? leadOfTime(ctx.db, t.leadId) : undefined;
  const source = requireSource(ctx.db, t.sourceId);
  return {
    startedAt: t.startedAt,
    leadId: lead ? lead.id : null,
    leadTitle: lead ? lead.title : null,
    sourceId: t.sourceId,
    sourceName: source.name,
    kind: t.kind,
    note: t.note,
  };
}

export function getTimer(ctx: ReadCtx): Timer | null {
  const t = readTimer(ctx.db);
  return t ? timerView(ctx, t) : null;
}

export function startTimer(ctx: Ctx, input: z.output<typeof TimerStart>): Timer {
  const { db } = ctx;
  return db.transaction(() => {
    const running = readTimer(db);
    if (running)
      throw new AppError(
        'conflict',
        `A timer is already running (since ${running.startedAt.slice(11, 16)} UTC): stop it first`,
      );
    const target = resolveTarget(ctx, input.leadId, input.sourceId);
    const timer: StoredTimer = {
      startedAt: ctx.now().toISOString(),
      leadId: target.leadId,
      sourceId: target.sourceId,
      kind: input.kind,
      note: input.note,
    };
    writeTimer(db, timer);
    return timerView(ctx, timer);
  })();
}

/** Logs the timer's whole minutes (at least 1) on the day it started, then clears it. */
export function stopTimer(ctx: Ctx, input: { note?: string | undefined }): TimeEntry {
  const { db } = ctx;
  return db.transaction(() => {
    const t = readTimer(db);
    if (!t) throw new AppError('conflict', 'No timer is running');
    const minutes = elapsedMinutes(t.startedAt, ctx.now());
    if (minutes > maxEntryMinutes) {
      throw new AppError(
        'invalid_input',
        `The timer ran for ${Math.floor(minutes / 60)} hours (more than 24): discard it and log the time by hand`,
      );
    }
    // The lead may have been deleted while the timer ran: the time stays on the channel.
    const lead = t.leadId ? leadOfTime(db, t.leadId) : undefined;
    const now = ctx.now().toISOString();
    const batch = new RollupBatch(db);
    const id = insertTimeEntry(
      db,
      {
        ref: `time-${randomUUID()}`,
        date: toIsoDate(new Date(t.startedAt)),
        source_id: lead ? lead.source_id : t.sourceId,
        lead_id: lead ? lead.id : null,
        kind: t.kind,
        minutes,
        note: input.note?.trim() || t.note,
        import_id: null,
        created_at: now,
        updated_at: now,
      },
      batch,
    );
    batch.flush();
    clearTimer(db);
    return entry(ctx, id);
  })();
}

export function cancelTimer(ctx: Ctx): { cancelled: boolean } {
  return { cancelled: clearTimer(ctx.db) };
}
