import type { FunnelLevel } from '../../../shared/api/schemas/visibility';

// docs/domain.md §8: the "Being seen" panel's words and numbers.

export type Rate = FunnelLevel['viewRate'];

/** "62% (56–67)": the rate with its 95% interval in whole percent; a dash under 5 proposals. */
export function rateText(r: Rate): string {
  return r === null ? '—' : `${Math.round(r.value * 100)}%`;
}

export function intervalText(r: Rate): string {
  return r === null
    ? 'fewer than 5 proposals: no rate yet'
    : `95% interval ${Math.round(r.low * 100)}–${Math.round(r.high * 100)}%`;
}

export const factorTitles = {
  speed: 'How fast you bid',
  competition: 'Proposals already on the job',
  boost: 'Boost',
  invited: 'Invitation',
} as const;
export type FactorKey = keyof typeof factorTitles;
export const factorKeys = Object.keys(factorTitles) as FactorKey[];

/** What a level means, for the table's first column. */
export const levelWords: Record<string, string> = {
  '< 1 h': 'within the first hour',
  '1–6 h': '1 to 6 hours after the post',
  '6–24 h': '6 to 24 hours after',
  '> 1 day': 'more than a day after',
  '<5': 'fewer than 5',
  '50+': '50 or more',
  unknown: 'not recorded',
  'boosted, outcome unknown': 'boosted, outcome not recorded',
};

export type Measure = 'proposals' | 'viewed' | 'replied' | 'interviews' | 'wins';
export const measureWords: Record<Measure, string> = {
  proposals: 'Proposals',
  viewed: 'Viewed',
  replied: 'Replied',
  interviews: 'Interviews',
  wins: 'Won',
};
