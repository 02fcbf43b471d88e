import { type ReactNode, useState } from 'react';
import { api } from '../../api';
import { formatDateTime, formatDay, formatValue, todayLocal } from '../../lib/format';
import type { PageProps } from '../../lib/useRoute';
import { useAsync } from '../../lib/useAsync';
import { navigate } from '../../lib/useRoute';
import { backLink } from '../../lib/backLink';
import { ChannelChip, StageBadge } from '../../components/Badges';
import { ConfirmDialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import type { LeadDetail } from '../../../shared/api/schemas/leads';
import { type Stage, stageLabels, stages } from '../../../shared/domain/stages';
import { ClosedOnEditor } from './ClosedOnEditor';
import { LeadFormDialog } from './LeadFormDialog';
import { LeadMoney } from './LeadMoney';
import { BidLine } from './BidLine';
import { LeadClient } from '../clients/LeadClient';
import { useCloseOut } from '../closeout/useCloseOut';
import { closedToast } from '../closeout/closedToast';
import { typedDayOf } from '../../../shared/domain/typed-day';
import { ActivitySection } from '../activity/ActivitySection';
import { TimeSection } from '../time/TimeSection';
import { applyLeadWrite } from './leadWrites';

export function LeadPage({ route }: PageProps) {
  const id = Number(route.param);
  const lead = useAsync(
    () => (Number.isInteger(id) && id > 0 ? api.leads.get({ id }) : Promise.reject(new Error('No such lead'))),
    [id],
    { apply: applyLeadWrite },
  );
  if (lead.error) {
    return (
      <div className="page">
        <a href={backLink().href}>{backLink().label}</a>
        <h1>Lead not found</h1>
        <p className="muted">{lead.error.message}</p>
      </div>
    );
  }
  if (!lead.data) return <p className="muted">Loading…</p>;
  return <LeadView key={lead.data.id} lead={lead.data} />;
}

function LeadView({ lead }: { lead: LeadDetail }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  // The day a move happened (default today): a reply logged later keeps its real day in the history.
  const [movedOn, setMovedOn] = useState(todayLocal);
  const closeout = useCloseOut();

  const move = async (stage: Stage) => {
    setMoving(true);
    try {
      const asked = await closeout.ask(lead, stage);
      if (asked !== null) {
        if (asked) closedToast(toast, lead, stage as 'won' | 'lost', asked);
        return;
      }
      const on = movedOn && movedOn !== todayLocal() ? movedOn : undefined;
      if (on && (stage === 'replied' || stage === 'interview')) await api.leads.move({ id: lead.id, stage, on });
      else if (on && stage === 'applied' && !lead.appliedOn)
        await api.leads.update({ id: lead.id, stage, appliedOn: on });
      else await api.leads.move({ id: lead.id, stage });
      toast.info(`Moved “${lead.title}” to ${stageLabels[stage]}${on ? ` on ${on}` : ''}`);
    } catch (e) {
      toast.error(`Could not move the lead: ${(e as Error).message}`);
    } finally {
      setMoving(false);
    }
  };
  const remove = async () => {
    setConfirming(false);
    try {
      const { undoId } = await api.leads.delete({ id: lead.id });
      const undo =
        undoId && (() => api.undo.lead({ undoId }).catch((e: Error) => toast.error(`Could not undo: ${e.message}`)));
      toast.info(`Deleted “${lead.title}”`, undo ? { undo } : undefined);
      navigate('leads');
    } catch (e) {
      toast.error(`Could not delete the lead: ${(e as Error).message}`);
    }
  };

  const spent = lead.connects + lead.boostConnects;
  const details: [string, ReactNode][] = [
    ['Channel', <ChannelChip key="c" name={lead.sourceName} color={lead.sourceColor} />],
    ['Client', lead.client || '—'],
    [
      'URL',
      lead.url ? (
        <a key="u" href={lead.url} target="_blank" rel="noreferrer noopener">
          {lead.url}
        </a>
      ) : (
        '—'
      ),
    ],
    ['Value', lead.valueMinor === null ? '—' : formatValue(lead.valueMinor, lead.currency)],
    ['Created', formatDay(lead.createdOn)],
    ['Applied', formatDay(lead.appliedOn) || '—'],
    ['Closed', <ClosedOnEditor key={`closed-${lead.closedOn}`} lead={lead} />],
    ['Follow-up', formatDay(lead.followUpOn) || '—'],
    [
      'Connects',
      spent
        ? `${lead.connects} + ${lead.boostConnects} boost${lead.connectsRefunded ? `, ${lead.connectsRefunded} refunded` : ''}`
        : '—',
    ],
    ['Bid', <BidLine key="bid" lead={lead} />],
    ['Fee override', lead.feePercent === null ? 'Channel rule' : `${lead.feePercent}%`],
    ['Tags', lead.tags.length ? lead.tags.join(', ') : '—'],
    ...(lead.stage === 'lost' && lead.lostReason ? ([['Lost because', lead.lostReason]] as [string, string][]) : []),
    ['Reference', lead.ref],
  ];

  return (
    <div className="page lead-page">
      <a href={backLink().href} className="back-link">
        {backLink().label}
      </a>
      <header className="page-header">
        <div>
          <h1>{lead.title}</h1>
          <p className="page-summary">
            <StageBadge stage={lead.stage} /> · updated {formatDateTime(lead.updatedAt)}
            {lead.lastActivityAt && <> · last activity {formatDateTime(lead.lastActivityAt)}</>}
          </p>
        </div>
        <div className="page-actions">
          <div className="filter">
            <label htmlFor="lead-stage">Move to stage</label>
            <select
              id="lead-stage"
              value={lead.stage}
              disabled={moving}
              onChange={(e) => move(e.target.value as Stage)}
            >
              {stages.map((s) => (
                <option key={s} value={s}>
                  {stageLabels[s]}
                </option>
              ))}
            </select>
            <label htmlFor="lead-stage-on">on</label>
            <input
              id="lead-stage-on"
              type="date"
              value={movedOn}
              max={todayLocal()}
              onChange={(e) => setMovedOn(e.target.value)}
              title="The day it moved (Applied, Replied, Interview); Won and Lost ask for theirs"
            />
          </div>
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      </header>
      <div className="lead-grid">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="details">
            {details.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <h3>Notes</h3>
          {lead.notes ? <p className="notes">{lead.notes}</p> : <p className="muted">No notes.</p>}
        </section>
        <LeadMoney lead={lead} />
        <LeadClient leadId={lead.id} />
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title">Stage history</h2>
          <ol className="history">
            {[...lead.history].reverse().map((change, index) => (
              <li key={`${change.changedAt}-${index}`}>
                <span>
                  {change.fromStage ? (
                    <>
                      {stageLabels[change.fromStage]} → {stageLabels[change.toStage]}
                    </>
                  ) : (
                    <>Added as {stageLabels[change.toStage]}</>
                  )}
                </span>
                <time dateTime={change.changedAt}>
                  {typedDayOf(change.changedAt)
                    ? formatDay(typedDayOf(change.changedAt)!)
                    : formatDateTime(change.changedAt)}
                </time>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <TimeSection leadId={lead.id} />
      <ActivitySection leadId={lead.id} />
      <LeadFormDialog open={editing} lead={lead} onClose={() => setEditing(false)} />
      {closeout.dialog}
      <ConfirmDialog
        open={confirming}
        title="Delete this lead?"
        message={`“${lead.title}” its stage history and activity will be deleted (its payments stay, unlinked). Undo puts it all back for a few seconds.`}
        confirmLabel="Delete lead"
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
