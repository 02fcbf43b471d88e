import { daysBetween } from '../../shared/dates';

// docs/domain.md §7, matching typed records: pure, so the rules are tested without a database.

/** Within this many days either way (and the only candidate) an imported record is the typed one. */
export const sameWithinDays = 7;
/** Candidates up to this many days apart are listed as possible duplicates. */
export const candidateWithinDays = 31;

/** An imported record (in file order) and the typed records it could be (same channel, currency and amount). */
export type Candidacy = {
  imported: number;
  date: string;
  order: number;
  candidates: readonly { typed: number; date: string }[];
};

export type Reconciled = {
  /** imported id -> the typed id it takes over. */
  same: Map<number, number>;
  /** imported id -> the typed ids it may be (none decided). */
  unsure: Map<number, number[]>;
};

const gap = (a: string, b: string) => Math.abs(daysBetween(a, b));

/**
 * Decides, for each imported record, same / unsure / new. Each typed record is taken over at most once:
 * when several imported records would take the same one, the nearest in date takes it (a tie: the one
 * earlier in the file), and the others are compared again without it. `decided` (the user's ticks:
 * imported id -> typed id) are taken first.
 */
export function reconcile(rows: readonly Candidacy[], decided: ReadonlyMap<number, number> = new Map()): Reconciled {
  const same = new Map<number, number>();
  const taken = new Set<number>();
  for (const [imported, typed] of decided) {
    const row = rows.find((r) => r.imported === imported);
    if (row?.candidates.some((c) => c.typed === typed) && !taken.has(typed)) {
      same.set(imported, typed);
      taken.add(typed);
    }
  }
  const open = () => rows.filter((r) => !same.has(r.imported));
  const left = (r: Candidacy) =>
    r.candidates.filter((c) => !taken.has(c.typed) && gap(c.date, r.date) <= candidateWithinDays);
  for (;;) {
    // Each open row whose only candidate is within 7 days claims it; a typed record claimed twice goes to the nearest.
    const claims = new Map<number, Candidacy>();
    for (const r of open()) {
      const c = left(r);
      if (c.length !== 1 || gap(c[0]!.date, r.date) > sameWithinDays) continue;
      const typed = c[0]!;
      const rival = claims.get(typed.typed);
      const nearer =
        !rival ||
        gap(typed.date, r.date) < gap(typed.date, rival.date) ||
        (gap(typed.date, r.date) === gap(typed.date, rival.date) && r.order < rival.order);
      if (nearer) claims.set(typed.typed, r);
    }
    if (claims.size === 0) break;
    for (const [typed, r] of claims) {
      same.set(r.imported, typed);
      taken.add(typed);
    }
  }
  const unsure = new Map<number, number[]>();
  for (const r of open()) {
    const c = left(r);
    if (c.length > 0)
      unsure.set(
        r.imported,
        c.map((x) => x.typed),
      );
  }
  return { same, unsure };
}
