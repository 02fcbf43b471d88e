export const stages = ['new', 'applied', 'replied', 'interview', 'won', 'lost'] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  new: 'New',
  applied: 'Applied',
  replied: 'Replied',
  interview: 'Interview',
  won: 'Won',
  lost: 'Lost',
};

/** Rank for "reached" (docs/domain.md §4): new < applied < replied < interview < won; lost adds nothing. */
export const stageRank: Record<Stage, number> = { new: 0, applied: 1, replied: 2, interview: 3, won: 4, lost: 0 };

/** The furthest stage a lead reached: its history, its current stage and a set applied_on. */
export function furthestRank(previous: number, stage: string, appliedOn: string | null): number {
  return Math.max(previous, stageRank[stage as Stage] ?? 0, appliedOn ? stageRank.applied : 0);
}

export function isStage(text: string): text is Stage {
  return (stages as readonly string[]).includes(text);
}
