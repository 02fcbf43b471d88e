// docs/domain.md §8: the facts of a bid and the factor levels the "Being seen" report groups them by.
// The level labels (en dash included) are a contract of `leadledger funnel --json`.

/** The platform's count of proposals shown when bidding, as Upwork words it. */
export const competitionBuckets = ['<5', '5-10', '10-15', '15-20', '20-50', '50+'] as const;
export type CompetitionBucket = (typeof competitionBuckets)[number];

/** `top`: in a boosted slot, charged; `outbid`: not charged. */
export const boostOutcomes = ['top', 'outbid'] as const;
export type BoostOutcome = (typeof boostOutcomes)[number];

export const speedLevels = ['< 1 h', '1–6 h', '6–24 h', '> 1 day', 'unknown'] as const;
export const competitionLevels = [...competitionBuckets, 'unknown'] as const;
export const boostLevels = ['not boosted', 'top', 'outbid', 'boosted, outcome unknown'] as const;
export const invitedLevels = ['invited', 'not invited'] as const;

export const factorNames = ['speed', 'competition', 'boost', 'invited'] as const;
export type FactorName = (typeof factorNames)[number];

export const factorLevels: Record<FactorName, readonly string[]> = {
  speed: speedLevels,
  competition: competitionLevels,
  boost: boostLevels,
  invited: invitedLevels,
};

/** Levels that never enter a finding: what is not known. */
export const unknownLevels: ReadonlySet<string> = new Set(['unknown', 'boosted, outcome unknown']);

/** The Connects a lead spent (§8): an outbid boost is not charged; never below 0. */
export function spentConnects(
  connects: number,
  boostConnects: number,
  refunded: number,
  outcome: string | null,
): number {
  return Math.max(0, connects + (outcome === 'outbid' ? 0 : boostConnects) - refunded);
}

const units: [RegExp, number][] = [
  [/^(m|min|mins|minute|minutes)$/, 1],
  [/^(h|hr|hrs|hour|hours)$/, 60],
  [/^(d|day|days)$/, 1440],
];

/**
 * "posted 25 min ago", "2 h", "1 day", "1.5 hours", "45" (minutes) -> whole minutes; null for empty;
 * undefined when it cannot be read.
 */
export function parsePostedAgo(text: string): number | null | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^posted\s+/, '')
    .replace(/\s+ago$/, '')
    .trim();
  if (t === '') return null;
  if (!/^(\d+(?:[.,]\d+)?\s*[a-z]*\s*)+$/.test(t)) return undefined;
  let total = 0;
  for (const [, number, unitText] of t.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-z]*)/g)) {
    const n = Number(number!.replace(',', '.'));
    const unit = unitText === '' ? 1 : units.find(([re]) => re.test(unitText!))?.[1];
    if (unit === undefined) return undefined;
    total += n * unit;
  }
  return Math.round(total);
}

/** Minutes as the form shows them: "25 min", "2 h", "1 day", "3 h 10 min". */
export function formatPostedAgo(minutes: number | null): string {
  if (minutes === null) return '';
  if (minutes >= 1440 && minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min`;
}
