import type { ConnectsBalanceRow } from '../../shared/api/schemas/reports';
import { toIsoDate } from '../../shared/dates';
import { type ConnectsEvent, simulateConnects } from '../../shared/reports/connects';
import { chargeDate } from '../../shared/reports/subscriptions';
import type { Ctx } from '../context';
import { listSubscriptionRecords } from '../repos/subscriptions-repo';

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Connects balance per credit channel: bought (connects purchases) + free allowance + refunded - spent,
 * simulated FIFO with one-year expiry. The channel's free allowance is credited on the 1st of each month
 * from its first recorded activity; a plan's free credits monthly on its charge day while it runs.
 * Spending and refunds are dated by the lead's created_on (the rollup day).
 */
export function connectsBalances(ctx: Ctx): ConnectsBalanceRow[] {
  const { db } = ctx;
  const today = toIsoDate(ctx.now());
  const sources = db
    .prepare(`SELECT id, name, credit_name, free_credits_monthly FROM sources WHERE credit_name IS NOT NULL AND archived = 0 ORDER BY sort_order, name`)
    .all() as { id: number; name: string; credit_name: string; free_credits_monthly: number }[];
  const leadDays = db.prepare(`SELECT day, SUM(connects_spent) AS spent, SUM(connects_refunded) AS refunded FROM lead_rollup WHERE source_id = ? AND day <= ? GROUP BY day`);
  const bought = db.prepare(`SELECT day, SUM(connects_bought) AS n FROM expense_rollup WHERE source_id = ? AND category = 'connects' AND day <= ? GROUP BY day`);
  const first = db.prepare(`SELECT MIN(d) AS d FROM (SELECT MIN(day) AS d FROM lead_rollup WHERE source_id = ? UNION ALL SELECT MIN(day) FROM expense_rollup WHERE source_id = ?)`);
  return sources.map((source) => {
    const events: ConnectsEvent[] = [];
    for (const r of leadDays.all(source.id, today) as { day: string; spent: number; refunded: number }[]) {
      events.push({ date: r.day, kind: 'spent', count: r.spent }, { date: r.day, kind: 'refunded', count: r.refunded });
    }
    for (const r of bought.all(source.id, today) as { day: string; n: number }[]) events.push({ date: r.day, kind: 'bought', count: r.n });
    const start = (first.get(source.id, source.id) as { d: string | null }).d;
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
