import { addDays, addYears } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../dates';

/** Connects coming in (bought, free allowance, refunded) or going out (spent) on a day. */
export type ConnectsEvent = { date: string; kind: 'bought' | 'free' | 'refunded' | 'spent'; count: number };

export type ConnectsBalance = {
  bought: number;
  free: number;
  refunded: number;
  spent: number;
  /** Connects that reached their one-year expiry unspent. */
  expired: number;
  /** bought + free + refunded - spent - expired (negative when more were spent than recorded). */
  balance: number;
  /** Of the balance, how many expire within 30 days of today. */
  expiringSoon: number;
  /** When the next of them expires (null when none within 30 days). */
  nextExpiry: string | null;
};

/**
 * FIFO simulation: every acquisition is a lot that expires one year later; spending takes the
 * oldest live lot first. Spending with no live lot left is a deficit (purchases not recorded) and
 * lowers the balance without consuming future lots. Events after `today` are ignored.
 */
export function simulateConnects(events: readonly ConnectsEvent[], today: string): ConnectsBalance {
  const sorted = events
    .filter((e) => e.date <= today && e.count > 0)
    // Same day: acquisitions before spending, so a purchase covers that day's bids.
    .sort((a, b) => a.date.localeCompare(b.date) || Number(a.kind === 'spent') - Number(b.kind === 'spent'));
  const lots: { expires: string; left: number }[] = [];
  const totals = { bought: 0, free: 0, refunded: 0, spent: 0, expired: 0 };
  let deficit = 0;
  let head = 0;
  const expireUpTo = (day: string) => {
    while (head < lots.length && lots[head]!.expires <= day) {
      totals.expired += lots[head]!.left;
      lots[head]!.left = 0;
      head++;
    }
  };
  for (const event of sorted) {
    expireUpTo(event.date);
    totals[event.kind] += event.count;
    if (event.kind !== 'spent') {
      lots.push({ expires: toIsoDate(addYears(fromIsoDate(event.date), 1)), left: event.count });
      continue;
    }
    let need = event.count;
    for (let i = head; i < lots.length && need > 0; i++) {
      const take = Math.min(need, lots[i]!.left);
      lots[i]!.left -= take;
      need -= take;
    }
    deficit += need;
  }
  expireUpTo(today);
  const soon = toIsoDate(addDays(fromIsoDate(today), 30));
  let expiringSoon = 0;
  let nextExpiry: string | null = null;
  let live = 0;
  for (let i = head; i < lots.length; i++) {
    const lot = lots[i]!;
    live += lot.left;
    if (lot.left > 0 && lot.expires <= soon) {
      expiringSoon += lot.left;
      nextExpiry ??= lot.expires;
    }
  }
  return { ...totals, balance: live - deficit, expiringSoon, nextExpiry };
}
