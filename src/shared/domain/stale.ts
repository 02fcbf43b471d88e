const dayMs = 86_400_000;

/** The moment before which an untouched open lead is stale. */
export function staleCutoff(staleDays: number, now: Date): string {
  return new Date(now.getTime() - staleDays * dayMs).toISOString();
}

export type StaleFacts = {
  stage: string;
  createdOn: string;
  appliedOn: string | null;
  lastActivityAt: string | null;
  lastMovedAt: string | null;
};

/**
 * An open lead nothing happened to since the cutoff: created, applied, moved and logged activity all
 * before it. Not `updatedAt`: imports and sample data stamp it with the load time. Same rule as the
 * `staleBefore` filter of leads:list.
 */
export function isStale(lead: StaleFacts, staleDays: number, now: Date): boolean {
  if (lead.stage === 'won' || lead.stage === 'lost') return false;
  const cutoff = staleCutoff(staleDays, now);
  const day = cutoff.slice(0, 10);
  if (lead.createdOn >= day || (lead.appliedOn !== null && lead.appliedOn >= day)) return false;
  return !(lead.lastActivityAt && lead.lastActivityAt >= cutoff) && !(lead.lastMovedAt && lead.lastMovedAt >= cutoff);
}
