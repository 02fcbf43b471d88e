import { useId } from 'react';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import {
  type BoostOutcome,
  boostOutcomes,
  type CompetitionBucket,
  competitionBuckets,
  formatPostedAgo,
  parsePostedAgo,
} from '../../../shared/domain/bid-facts';
import './bid-row.css';

// docs/domain.md §8: the facts of a bid, in one compact row of the lead form. Kept apart from the
// form's own model so the form gains them with a few lines.

export type BidValues = {
  invited: boolean;
  postedAgo: string;
  proposalsWhenBid: '' | CompetitionBucket;
  boostOutcome: '' | BoostOutcome;
  viewedOn: string;
};

export type BidInput = {
  invited: boolean;
  minutesAfterPost: number | null;
  proposalsWhenBid: CompetitionBucket | null;
  boostOutcome: BoostOutcome | null;
  viewedOn: string | null;
};

export function bidFromLead(
  lead: Pick<LeadRow, 'invited' | 'minutesAfterPost' | 'proposalsWhenBid' | 'boostOutcome' | 'viewedOn'> | undefined,
): BidValues {
  return {
    invited: lead?.invited ?? false,
    postedAgo: formatPostedAgo(lead?.minutesAfterPost ?? null),
    proposalsWhenBid: lead?.proposalsWhenBid ?? '',
    boostOutcome: lead?.boostOutcome ?? '',
    viewedOn: lead?.viewedOn ?? '',
  };
}

/** The API's fields, or the message for "posted … ago" when it cannot be read. */
export function bidToInput(v: BidValues): BidInput | { error: string } {
  const minutes = parsePostedAgo(v.postedAgo);
  if (minutes === undefined)
    return { error: 'Write how long before you bid the job was posted, like 25 min, 2 h or 1 day' };
  return {
    invited: v.invited,
    minutesAfterPost: minutes,
    proposalsWhenBid: v.proposalsWhenBid || null,
    boostOutcome: v.boostOutcome || null,
    viewedOn: v.viewedOn || null,
  };
}

type Props = { value: BidValues; onChange: (v: BidValues) => void; boosted: boolean; error?: string | undefined };

export function BidRow({ value, onChange, boosted, error }: Props) {
  const id = useId();
  const set = <K extends keyof BidValues>(key: K, v: BidValues[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="bid-row span-4" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Bid</legend>
      <label className="bid-check">
        <input
          type="checkbox"
          name="invited"
          checked={value.invited}
          onChange={(e) => set('invited', e.target.checked)}
        />{' '}
        Invited
      </label>
      <label>
        Posted
        <input
          name="postedAgo"
          type="text"
          value={value.postedAgo}
          onChange={(e) => set('postedAgo', e.target.value)}
          placeholder="25 min"
          size={9}
          autoComplete="off"
          aria-label="Posted … ago"
          aria-invalid={error ? true : undefined}
          title="How long before your bid the job was posted: 25 min, 2 h, 1 day"
        />
        ago
      </label>
      <label>
        Proposals on the job
        <select
          name="proposalsWhenBid"
          aria-label="Proposals on the job"
          value={value.proposalsWhenBid}
          onChange={(e) => set('proposalsWhenBid', e.target.value as BidValues['proposalsWhenBid'])}
        >
          <option value="">—</option>
          {competitionBuckets.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label>
        Boost
        <select
          name="boostOutcome"
          aria-label="Boost outcome"
          value={value.boostOutcome}
          onChange={(e) => set('boostOutcome', e.target.value as BidValues['boostOutcome'])}
          disabled={!boosted && value.boostOutcome === ''}
          title={boosted ? 'Top: in a boosted slot, charged. Outbid: not charged.' : 'Give boost connects first'}
        >
          <option value="">{boosted ? 'outcome?' : 'not boosted'}</option>
          {boostOutcomes.map((o) => (
            <option key={o} value={o}>
              {o === 'top' ? 'top slot (charged)' : 'outbid (not charged)'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Viewed
        <input
          name="viewedOn"
          aria-label="Viewed on"
          type="date"
          value={value.viewedOn}
          onChange={(e) => set('viewedOn', e.target.value)}
        />
      </label>
      {error && (
        <span id={`${id}-error`} className="field-error bid-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
