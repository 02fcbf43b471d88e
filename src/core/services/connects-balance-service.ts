import type { ConnectsBalanceRow } from '../../shared/api/schemas/reports';
import { toIsoDate } from '../../shared/dates';
import { type ConnectsEvent, simulateConnects } from '../../shared/reports/connects';
import { chargeDate } from '../../shared/reports/subscriptions';
import type { Ctx } from '../context';
import { connectsBoughtByDay, connectsUsedByDay, firstActivityDay } from '../repos/connects-repo';
import { activeCreditSources } from '../repos/sources-repo';
import { nextMonth } from '../rollups/ranges';
import { listSubscriptionRecords } from '../repos/subscriptions-repo';

/**
 * Connects balance per credit channel: bought (connects purchases) + free allowance + refunded - spent,
 * simulated FIFO with one-year expiry. The channel's free allowance is credited on the 1st of each month
 * from its first recorded activity; a plan's free credits monthly on its charge day while it runs.
 * Spending and refunds are dated by the lead's created_on (the rollup day).
 */
export function connectsBalances(ctx: Ctx): ConnectsBalanceRow[] {
  const { db } = ctx;
  const today = toIsoDate(ctx.now());
  const sources = activeCreditSources(db);
  return sources.map((source) => {
    const events: ConnectsEvent[] = [];
    for (const r of connectsUsedByDay(db, source.id, today)) {
      events.push({ date: r.day, kind: 'spent', count: r.spent }, { date: r.day, kind: 'refunded', count: r.refunded });
    }
    for (const r of connectsBoughtByDay(db, source.id, today)) events.push({ date: r.day, kind: 'bought', count: r.n });
    const start = firstActivityDay(db, source.id);
    if (start && source.free_credits_monthly > 0) {
      for (let month = start.slice(0, 7); month <= today.slice(0, 7); month = nextMonth(month)) {
        events.push({ date: `${month}-01`, kind: 'free', count: source.free_credits_monthly });
      }
    }
    for (const plan of listSubscriptionRecords(db, source.id)) {
      if (plan.free_credits_monthly <= 0) continue;
      for (let n = 0; ; n++) {
        const date = chargeDate({ period: 'monthly', startsOn: plan.starts_on }, n);
        if (date > today || (plan.ends_on !== null && date > plan.ends_on)) break;
        events.push({ date, kind: 'free', count: plan.free_credits_monthly });
      }
    }
    return { sourceId: source.id, source: source.name, creditName: source.credit_name, ...simulateConnects(events, today) };
  });
}
