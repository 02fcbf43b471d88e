import { useState } from 'react';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { formatPostedAgo } from '../../../shared/domain/bid-facts';
import { api } from '../../api';
import { formatShortDay, todayLocal } from '../../lib/format';
import { useToast } from '../../components/Toasts';
import './bid-row.css';

type Bid = Pick<
  LeadRow,
  | 'id'
  | 'title'
  | 'appliedOn'
  | 'invited'
  | 'minutesAfterPost'
  | 'proposalsWhenBid'
  | 'boostConnects'
  | 'boostOutcome'
  | 'viewedOn'
>;

/** docs/domain.md §8: "Viewed" in one click (a button: Enter or Space from the keyboard); again to take it back. */
export function ViewedToggle({ lead }: { lead: Bid }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const viewed = lead.viewedOn !== null;
  const toggle = async () => {
    setBusy(true);
    try {
      await api.leads.update({ id: lead.id, viewedOn: viewed ? null : todayLocal() });
    } catch (error) {
      toast.error(`Could not mark “${lead.title}”: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="viewed-toggle"
      aria-pressed={viewed}
      disabled={busy}
      onClick={toggle}
      onPointerDown={(e) => e.stopPropagation()}
      title={
        viewed
          ? `Viewed on ${lead.viewedOn}; click to take it back`
          : 'The client opened this proposal: mark it viewed today'
      }
      aria-label={viewed ? `${lead.title}: viewed on ${lead.viewedOn}` : `Mark ${lead.title} viewed`}
    >
      {viewed ? `✓ Viewed ${formatShortDay(lead.viewedOn!)}` : 'Viewed?'}
    </button>
  );
}

/** The bid's facts in one line (card and lead page), with the Viewed toggle on a proposal. */
export function BidLine({ lead }: { lead: Bid }) {
  const facts = [
    lead.invited ? 'invited' : null,
    lead.minutesAfterPost !== null ? `${formatPostedAgo(lead.minutesAfterPost)} after post` : null,
    lead.proposalsWhenBid ? `${lead.proposalsWhenBid} proposals` : null,
    lead.boostConnects > 0 && lead.boostOutcome ? (lead.boostOutcome === 'top' ? 'boost: top' : 'boost: outbid') : null,
  ].filter((f): f is string => f !== null);
  if (!lead.appliedOn && facts.length === 0) return null;
  return (
    <div className="bid-line">
      {facts.map((f) => (
        <span key={f} className="bid-fact">
          {f}
        </span>
      ))}
      {lead.appliedOn && <ViewedToggle lead={lead} />}
    </div>
  );
}
