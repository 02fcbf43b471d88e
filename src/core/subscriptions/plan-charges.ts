import { addDaysIso } from '../../shared/reports/ledger';
import {
  type ChargeMatch,
  type GeneratedCharge,
  type ImportedMatch,
  matchCharges,
  matchWindowDays,
} from '../../shared/reports/plan-matching';
import { expandSubscription } from '../../shared/reports/subscriptions';
import type { ReadableDB } from '../db/handles';
import {
  importedSubscriptionExpenses,
  listSubscriptionRecords,
  type SubscriptionRecord,
  subscriptionExpenses,
} from './subscriptions-repo';

export type PlanCharge = {
  plan: SubscriptionRecord & { source_name: string };
  date: string;
  amountMinor: number;
  matched: ChargeMatch['expense'] | null;
};

// Charges just outside the range are matched too, so a pairing never depends on where a range starts.
const margin = 2 * matchWindowDays + 1;

/**
 * The generated charges of every plan dated in [from, to], each with the recorded subscription expense
 * that is the same charge (docs/domain.md §5), if any: a matched charge is not counted again.
 */
export function planCharges(
  db: ReadableDB,
  from: string,
  to: string,
  plans = listSubscriptionRecords(db),
): PlanCharge[] {
  const groups = new Map<string, (SubscriptionRecord & { source_name: string })[]>();
  for (const plan of plans) {
    const key = `${plan.source_id}|${plan.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), plan]);
  }
  const out: PlanCharge[] = [];
  const wideFrom = addDaysIso(from, -margin);
  const wideTo = addDaysIso(to, margin);
  for (const group of groups.values()) {
    const { source_id: sourceId, currency } = group[0]!;
    const charges: GeneratedCharge[] = group.flatMap((p) =>
      expandSubscription(
        { period: p.period, amountMinor: p.amount_minor, startsOn: p.starts_on, endsOn: p.ends_on },
        wideFrom,
        wideTo,
      ).map((c) => ({ planId: p.id, ...c })),
    );
    const expenses = subscriptionExpenses(
      db,
      sourceId,
      currency,
      charges.map((c) => c.amountMinor),
      addDaysIso(wideFrom, -matchWindowDays),
      addDaysIso(wideTo, matchWindowDays),
    ).map((e) => ({
      id: e.id,
      date: e.date,
      amountMinor: e.amount_minor,
    }));
    const matched = new Map(
      matchCharges(charges, expenses).map((m) => [`${m.charge.planId}|${m.charge.date}`, m.expense]),
    );
    for (const c of charges) {
      if (c.date < from || c.date > to) continue;
      out.push({
        plan: group.find((p) => p.id === c.planId)!,
        date: c.date,
        amountMinor: c.amountMinor,
        matched: matched.get(`${c.planId}|${c.date}`) ?? null,
      });
    }
  }
  return out;
}

/** A plan's charge an imported expense is (the import summary's line, shared/reports/plan-matching.ts). */
export type ImportMatch = ImportedMatch;

/** The subscription expenses an import brought that are a plan's charge (named in the import summary). */
export function importMatches(db: ReadableDB, importId: number): ImportMatch[] {
  const imported = importedSubscriptionExpenses(db, importId);
  if (imported.length === 0) return [];
  const ids = new Set(imported.map((e) => e.id));
  const from = imported[0]!.date;
  const to = imported.at(-1)!.date;
  return planCharges(db, addDaysIso(from, -matchWindowDays), addDaysIso(to, matchWindowDays))
    .filter((c) => c.matched && ids.has(c.matched.id))
    .map((c) => ({
      plan: c.plan.name,
      source: c.plan.source_name,
      chargeOn: c.date,
      expenseOn: c.matched!.date,
      amountMinor: c.amountMinor,
      currency: c.plan.currency,
    }));
}
