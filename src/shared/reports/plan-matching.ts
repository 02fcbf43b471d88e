import { formatMinorPlain } from '../money';
import { daysBetween } from '../dates';

/** docs/domain.md §5: a plan's generated charge and a recorded subscription expense within this many days are one charge. */
export const matchWindowDays = 3;

export type GeneratedCharge = { planId: number; date: string; amountMinor: number };
export type RecordedCharge = { id: number; date: string; amountMinor: number };
export type ChargeMatch = { charge: GeneratedCharge; expense: RecordedCharge };

/**
 * Pairs generated charges with recorded ones of the same channel and currency: same amount, dated within
 * the window. Charges in date order each take the nearest unpaired expense (the earlier on a tie), so an
 * expense pays for one charge only.
 */
export function matchCharges(charges: readonly GeneratedCharge[], expenses: readonly RecordedCharge[]): ChargeMatch[] {
  const free = [...expenses].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const taken = new Set<number>();
  const matches: ChargeMatch[] = [];
  for (const charge of [...charges].sort((a, b) => a.date.localeCompare(b.date) || a.planId - b.planId)) {
    let best: RecordedCharge | undefined;
    let bestGap = Infinity;
    for (const e of free) {
      if (taken.has(e.id) || e.amountMinor !== charge.amountMinor) continue;
      const gap = Math.abs(daysBetween(charge.date, e.date));
      if (gap <= matchWindowDays && gap < bestGap) {
        best = e;
        bestGap = gap;
      }
    }
    if (best) {
      taken.add(best.id);
      matches.push({ charge, expense: best });
    }
  }
  return matches;
}

export type ImportedMatch = {
  plan: string;
  source: string;
  chargeOn: string;
  expenseOn: string;
  amountMinor: number;
  currency: string;
};

/** One line of the import summary (UI and CLI) for a plan charge that an imported expense matched (docs/domain.md §5). */
export function describeImportedMatch(m: ImportedMatch): string {
  return `${m.source} ${m.plan}: the plan's charge of ${m.chargeOn} is the imported ${formatMinorPlain(m.amountMinor, m.currency)} ${m.currency} of ${m.expenseOn}; counted once`;
}
