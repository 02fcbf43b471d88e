import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { LeadCreate, LeadDetail, LeadUpdate } from '../../shared/api/schemas/leads';
import { toIsoDate } from '../../shared/dates';
import { leadDateIssues } from '../../shared/domain/lead-dates';
import { furthestRank, type Stage, stageRank } from '../../shared/domain/stages';
import { parseMoney } from '../../shared/money';
import type { Ctx, ReadCtx } from '../context';
import {
  deleteLeadRecord,
  endPosition,
  getLead,
  getLeadByRef,
  getLeadRecord,
  insertLead,
  joinTags,
  type LeadRecord,
  type LeadWrite,
  positionBefore,
  RollupBatch,
  recordStageChange,
  stageHistory,
  updateLeadRecord,
} from './leads-repo';
import { requireActiveSource } from '../sources/sources-repo';
import { keepUndoSnapshot, leadDependents } from '../db/undo-snapshots';
import type { DeletedLead } from '../../shared/api/schemas/undo';
import { linkLeadByName } from '../clients/clients-service';
import { dayReached, followTypedDays, recordCreation, stampOf } from './stage-history';
import { baseCurrency } from '../db/settings-repo';

type CreateInput = z.output<typeof LeadCreate>;
type UpdateInput = z.output<typeof LeadUpdate>;

export function newRef(prefix = 'll'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

function toMinor(value: string | null | undefined, currency: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const parsed = parseMoney(value, currency);
  if (!parsed.ok) throw fieldError('value', parsed.message);
  return parsed.minor;
}

export function leadDetail(ctx: ReadCtx, id: number): LeadDetail {
  const lead = getLead(ctx.db, id);
  if (!lead) throw new AppError('not_found', `Lead ${id} does not exist`);
  return { ...lead, history: stageHistory(ctx.db, id) };
}

/**
 * Fills the dates a stage implies: applied_on on applying, closed_on on winning or losing. A missing
 * applied_on is never set to a later day than the one the stage was reached (`on`, the closed date): a
 * lead back-filled as Won on 2026-10-13 applied by then, not today.
 */
function stageDates(stage: Stage, today: string, appliedOn: string | null, closedOn: string | null, on?: string) {
  const closed = stage === 'won' || stage === 'lost';
  const closedDay = closed ? (closedOn ?? today) : null;
  const reached = [today, closedDay, on].reduce<string>((a, b) => (b && b < a ? b : a), today);
  return {
    appliedOn: appliedOn ?? (stageRank[stage] >= stageRank.applied ? reached : null),
    closedOn: closedDay,
  };
}

export function createLead(ctx: Ctx, input: CreateInput): LeadDetail {
  const { db } = ctx;
  const now = ctx.now();
  const today = toIsoDate(now);
  requireActiveSource(db, input.sourceId, 'sourceId');
  const stage = input.stage ?? 'new';
  const currency = input.currency ?? baseCurrency(db);
  const createdOn = input.createdOn ?? today;
  const dates = stageDates(
    stage,
    today < createdOn ? createdOn : today,
    input.appliedOn ?? null,
    input.closedOn ?? null,
  );
  const lead: LeadWrite = {
    ref: input.ref ?? newRef(),
    source_id: input.sourceId,
    title: input.title,
    client: input.client ?? '',
    url: input.url ?? '',
    stage,
    furthest_rank: furthestRank(0, stage, dates.appliedOn),
    created_on: createdOn,
    applied_on: dates.appliedOn,
    closed_on: dates.closedOn,
    connects: input.connects ?? 0,
    boost_connects: input.boostConnects ?? 0,
    connects_refunded: input.connectsRefunded ?? 0,
    value_minor: toMinor(input.value, currency),
    currency,
    fee_percent_bp: input.feePercent == null ? null : Math.round(input.feePercent * 100),
    lost_reason: input.lostReason ?? '',
    tags: joinTags(input.tags ?? []),
    notes: input.notes ?? '',
    follow_up_on: input.followUpOn ?? null,
    position: endPosition(db, stage),
    updated_at: now.toISOString(),
    import_id: null,
    invited: input.invited ? 1 : 0,
    minutes_after_post: input.minutesAfterPost ?? null,
    proposals_when_bid: input.proposalsWhenBid ?? null,
    viewed_on: input.viewedOn ?? null,
    boost_outcome: input.boostOutcome ?? null,
  };
  const id = db.transaction(() => {
    if (getLeadByRef(db, lead.ref)) throw fieldError('ref', `A lead with ref "${lead.ref}" exists`);
    const batch = new RollupBatch(db);
    const newId = insertLead(db, lead, batch);
    recordCreation(db, newId, lead, today, now.toISOString());
    linkLeadByName(ctx, newId, lead.client);
    batch.flush();
    return newId;
  })();
  return leadDetail(ctx, id);
}

function applyUpdate(
  before: LeadRecord,
  input: Omit<UpdateInput, 'id'>,
  today: string,
  db: Ctx['db'],
  on?: string,
): LeadWrite {
  const currency = input.currency ?? before.currency;
  const stage = input.stage ?? (before.stage as Stage);
  const stageChanged = stage !== before.stage;
  const appliedOn = input.appliedOn !== undefined ? input.appliedOn : before.applied_on;
  const closedOn = input.closedOn !== undefined ? input.closedOn : before.closed_on;
  const dates = stageChanged ? stageDates(stage, today, appliedOn, closedOn, on) : { appliedOn, closedOn };
  const createdOn = input.createdOn ?? before.created_on;
  if (on && on < createdOn) throw fieldError('on', `The day it moved (${on}) cannot be before Created (${createdOn})`);
  if (on && dates.appliedOn && on < dates.appliedOn)
    throw fieldError('on', `The day it moved (${on}) cannot be before Applied (${dates.appliedOn})`);
  // The merged record is checked again: an update may send one date and break the order with a stored one.
  const [dateIssue] = leadDateIssues({ createdOn, appliedOn: dates.appliedOn, closedOn: dates.closedOn });
  if (dateIssue) throw fieldError(dateIssue.field, dateIssue.message);
  const connects = input.connects ?? before.connects;
  const boost = input.boostConnects ?? before.boost_connects;
  const refunded = input.connectsRefunded ?? before.connects_refunded;
  const boostOutcome =
    input.boostOutcome !== undefined ? input.boostOutcome : (before.boost_outcome as 'top' | 'outbid' | null);
  // docs/domain.md §8: an outbid boost was never charged, so it cannot be refunded either.
  if (refunded > connects + (boostOutcome === 'outbid' ? 0 : boost))
    throw fieldError('connectsRefunded', 'Cannot refund more connects than were spent');
  let valueMinor = before.value_minor;
  if (input.value !== undefined) valueMinor = toMinor(input.value, currency);
  else if (input.currency !== undefined && before.value_minor !== null && input.currency !== before.currency) {
    throw fieldError('value', 'Give the value again when changing its currency');
  }
  return {
    ref: before.ref,
    source_id: input.sourceId ?? before.source_id,
    title: input.title ?? before.title,
    client: input.client ?? before.client,
    url: input.url ?? before.url,
    stage,
    furthest_rank: furthestRank(before.furthest_rank, stage, dates.appliedOn),
    created_on: createdOn,
    applied_on: dates.appliedOn,
    closed_on: dates.closedOn,
    connects,
    boost_connects: boost,
    connects_refunded: refunded,
    value_minor: valueMinor,
    currency,
    fee_percent_bp:
      input.feePercent === undefined
        ? before.fee_percent_bp
        : input.feePercent === null
          ? null
          : Math.round(input.feePercent * 100),
    lost_reason: input.lostReason ?? before.lost_reason,
    tags: input.tags ? joinTags(input.tags) : before.tags,
    notes: input.notes ?? before.notes,
    follow_up_on: input.followUpOn !== undefined ? input.followUpOn : before.follow_up_on,
    position: stageChanged ? endPosition(db, stage) : before.position,
    updated_at: before.updated_at,
    import_id: before.import_id,
    invited: input.invited !== undefined ? (input.invited ? 1 : 0) : before.invited,
    minutes_after_post: input.minutesAfterPost !== undefined ? input.minutesAfterPost : before.minutes_after_post,
    proposals_when_bid: input.proposalsWhenBid !== undefined ? input.proposalsWhenBid : before.proposals_when_bid,
    viewed_on: input.viewedOn !== undefined ? input.viewedOn : before.viewed_on,
    boost_outcome: boostOutcome,
  };
}

function writeUpdate(
  ctx: Ctx,
  id: number,
  change: (before: LeadRecord, today: string) => LeadWrite,
  on?: string,
): LeadDetail {
  const { db } = ctx;
  const now = ctx.now();
  db.transaction(() => {
    const before = getLeadRecord(db, id);
    if (!before) throw new AppError('not_found', `Lead ${id} does not exist`);
    const today = toIsoDate(now);
    const after = { ...change(before, today), updated_at: now.toISOString() };
    if (after.source_id !== before.source_id) requireActiveSource(db, after.source_id, 'sourceId');
    const batch = new RollupBatch(db);
    updateLeadRecord(db, before, after, batch);
    followTypedDays(db, before, after, today, now.toISOString());
    if (after.stage !== before.stage) {
      // Dated by the typed day, unless that is before the history's last entry: a move back (Undo, a
      // correction) happens now, after what the history already holds.
      const typed = stampOf(dayReached(after, today, on), today, now.toISOString());
      const last = stageHistory(db, id).at(-1)?.changedAt;
      recordStageChange(
        db,
        id,
        before.stage as Stage,
        after.stage as Stage,
        last && typed < last ? now.toISOString() : typed,
      );
    }
    // A new client name finds (or makes) its client; an unchanged one keeps the link the user chose.
    if (after.client !== before.client) linkLeadByName(ctx, id, after.client);
    batch.flush();
  })();
  return leadDetail(ctx, id);
}

export function updateLead(ctx: Ctx, input: UpdateInput): LeadDetail {
  const { id, ...fields } = input;
  return writeUpdate(ctx, id, (before, today) => applyUpdate(before, fields, today, ctx.db));
}

export function moveLead(
  ctx: Ctx,
  input: {
    id: number;
    stage: Stage;
    beforeId?: number | null | undefined;
    closedOn?: string | undefined;
    on?: string | undefined;
  },
): LeadDetail {
  return writeUpdate(
    ctx,
    input.id,
    (before, today) => {
      const closing = (input.stage === 'won' || input.stage === 'lost') && input.stage !== before.stage;
      // Closing stamps the day the user names (default today), never a date left from an earlier close.
      const closedOn = input.closedOn ?? (closing ? today : undefined);
      const after = applyUpdate(
        before,
        { stage: input.stage, ...(closedOn ? { closedOn } : {}) },
        today,
        ctx.db,
        input.on,
      );
      if (input.beforeId && input.beforeId !== input.id) {
        after.position = positionBefore(ctx.db, input.stage, input.beforeId) ?? after.position;
      } else if (input.stage === before.stage && !input.beforeId) {
        after.position = endPosition(ctx.db, input.stage);
      }
      return after;
    },
    input.on,
  );
}

/** Deletes a lead; the snapshot (with its history, activity and payment links) lets undo:lead put it back. */
export function deleteLead(ctx: Ctx, id: number): { deleted: boolean; snapshot?: DeletedLead; undoId?: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getLeadRecord(db, id);
    if (!before) return { deleted: false };
    const snapshot: DeletedLead = { lead: before as DeletedLead['lead'], ...leadDependents(db, id) };
    const batch = new RollupBatch(db);
    deleteLeadRecord(db, before, batch);
    batch.flush();
    return { deleted: true, snapshot, undoId: keepUndoSnapshot(db, 'lead', snapshot, ctx.now().toISOString()) };
  })();
}
