import { addDays } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../../../shared/dates';
import type { Stage } from '../../../shared/domain/stages';
import type { LeadWrite } from '../../leads/leads-repo';
import type { RollupBatch } from '../../rollups/rollup-batch';
import { insertTimeEntry } from '../../time/time-repo';
import type { SampleRun } from './run';

export type BidFacts = Pick<
  LeadWrite,
  'invited' | 'minutes_after_post' | 'proposals_when_bid' | 'viewed_on' | 'boost_outcome'
>;
export const noBidFacts: BidFacts = {
  invited: 0,
  minutes_after_post: null,
  proposals_when_bid: null,
  viewed_on: null,
  boost_outcome: null,
};

/**
 * An Upwork bid's facts, drawn after its outcome so the "Being seen" panel has something to show: bids
 * that got a reply were more often sent early, on jobs with few proposals, and viewed. Some facts are
 * left unknown, as a user who records them only now and then would leave them.
 */
export function sampleBidFacts(
  random: () => number,
  path: readonly Stage[],
  boost: number,
  appliedOn: string,
  today: string,
): BidFacts {
  const replied = path.includes('replied');
  const early = random() < (replied ? 0.62 : 0.3);
  const minutes = early ? Math.floor(random() * 60) : 60 + Math.floor(random() ** 2 * 4000);
  const buckets = ['<5', '5-10', '10-15', '15-20', '20-50', '50+'] as const;
  const bucket = buckets[Math.min(5, Math.floor(random() ** (replied ? 1.8 : 0.8) * 6))]!;
  const viewed = replied || random() < 0.3;
  const viewedOn = viewed ? toIsoDate(addDays(fromIsoDate(appliedOn), Math.floor(random() * 3))) : null;
  return {
    invited: random() < (replied ? 0.12 : 0.03) ? 1 : 0,
    minutes_after_post: random() < 0.85 ? minutes : null,
    proposals_when_bid: random() < 0.85 ? bucket : null,
    viewed_on: viewedOn && viewedOn > today ? today : viewedOn,
    boost_outcome: boost > 0 && random() < 0.8 ? (random() < (replied ? 0.75 : 0.45) ? 'top' : 'outbid') : null,
  };
}

/** The time a bid took (writing the proposal): the planner's sales hours. Only bids with facts recorded. */
export function writeBidTime(
  run: SampleRun,
  batch: RollupBatch,
  lead: { id: number; ref: string; sourceId: number; appliedOn: string; bid: BidFacts },
): void {
  if (lead.bid.minutes_after_post === null && lead.bid.proposals_when_bid === null) return;
  insertTimeEntry(
    run.db,
    {
      ref: `${lead.ref}-bid`,
      date: lead.appliedOn,
      source_id: lead.sourceId,
      lead_id: lead.id,
      kind: 'sales',
      minutes: 10 + Math.floor(run.bidRandom() * 35),
      note: 'Proposal',
      import_id: null,
      created_at: run.nowIso,
      updated_at: run.nowIso,
    },
    batch,
  );
}
