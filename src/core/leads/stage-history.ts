import type { WritableDB } from '../db/handles';
import type { Stage } from '../../shared/domain/stages';
import { typedDayStamp } from '../../shared/domain/typed-day';
import type { LeadRecord, LeadWrite } from './leads-repo';
import { recordStageChange, restampStageChange } from './leads-repo';

/**
 * A lead's stage history follows its typed days (created, applied, closed, the day it replied or had an
 * interview), not the moment it was typed, so a lead entered after the fact has the timeline and the
 * days-in-stage it really had. A change dated today keeps the clock time (several moves a day stay in
 * order); another day is stamped at noon UTC, which is that day in every time zone from UTC−11 to UTC+11.
 */
export function stampOf(day: string, today: string, nowIso: string): string {
  return day === today ? nowIso : typedDayStamp(day);
}

/** The day a lead reached its current stage, from its own dates (`on`: the day the user gave for Replied/Interview). */
export function dayReached(
  lead: Pick<LeadWrite, 'stage' | 'applied_on' | 'closed_on'>,
  today: string,
  on?: string,
): string {
  if (lead.stage === 'won' || lead.stage === 'lost') return lead.closed_on ?? today;
  if (lead.stage === 'applied') return lead.applied_on ?? today;
  if (lead.stage === 'replied' || lead.stage === 'interview') return on ?? today;
  return today;
}

/**
 * The history of a lead typed with its dates: "Added as" on created_on, then applied on applied_on, then
 * Replied/Interview (on the day given, else the last typed day before it) and Won/Lost on closed_on.
 * Steps on the creation day fold into the "Added as" entry, so a lead typed on the day keeps one entry.
 */
export function recordCreation(
  db: WritableDB,
  leadId: number,
  lead: LeadWrite,
  today: string,
  nowIso: string,
  on?: string,
): void {
  const stage = lead.stage as Stage;
  const steps: [Stage, string][] = [['new', lead.created_on]];
  if (lead.applied_on && stage !== 'new') steps.push(['applied', lead.applied_on]);
  if (stage === 'replied' || stage === 'interview') steps.push([stage, on ?? lead.applied_on ?? lead.created_on]);
  if ((stage === 'won' || stage === 'lost') && lead.closed_on) steps.push([stage, lead.closed_on]);
  if (steps[steps.length - 1]![0] !== stage) steps.push([stage, lead.created_on]);
  let last = 0;
  while (last + 1 < steps.length && steps[last + 1]![1] <= lead.created_on) last++;
  recordStageChange(db, leadId, null, steps[last]![0], stampOf(lead.created_on, today, nowIso));
  for (let i = last + 1; i < steps.length; i++) {
    recordStageChange(db, leadId, steps[i - 1]![0], steps[i]![0], stampOf(steps[i]![1], today, nowIso));
  }
}

/** An edit of a typed day moves the history entry it dates: created → "Added as", applied → Applied, closed → Won/Lost. */
export function followTypedDays(
  db: WritableDB,
  before: LeadRecord,
  after: LeadWrite,
  today: string,
  nowIso: string,
): void {
  if (after.created_on !== before.created_on)
    restampStageChange(db, before.id, null, stampOf(after.created_on, today, nowIso));
  if (after.stage !== before.stage) return;
  if (after.applied_on && after.applied_on !== before.applied_on) {
    restampStageChange(db, before.id, 'applied', stampOf(after.applied_on, today, nowIso));
  }
  if ((after.stage === 'won' || after.stage === 'lost') && after.closed_on && after.closed_on !== before.closed_on) {
    restampStageChange(db, before.id, after.stage, stampOf(after.closed_on, today, nowIso));
  }
}
