import { useState } from 'react';
import { api } from '../../api';
import { daysFromToday, formatDateTime, formatDay, formatValueShort } from '../../lib/format';
import { ChannelChip, StageBadge } from '../../components/Badges';
import { useToast } from '../../components/Toasts';
import { activityKindLabels } from '../../../shared/api/schemas/activity';
import type { AgendaItem } from '../../../shared/api/schemas/preferences';
import { rescheduleDates, type WeekStart } from './followUpSections';

export type FollowUpItemProps = { item: AgendaItem; today: string; weekStartsOn: WeekStart };

/** One follow-up: what it is about, what happened last, one-click reschedule and Done. */
export function FollowUpItem({ item, today, weekStartsOn }: FollowUpItemProps) {
  const { lead, lastActivity } = item;
  const toast = useToast();
  const [finishing, setFinishing] = useState(false);
  const [picked, setPicked] = useState('');
  const due = lead.followUpOn ?? today;
  const days = daysFromToday(due);
  const choices = rescheduleDates(today, weekStartsOn);

  const reschedule = async (date: string, label: string) => {
    const before = lead.followUpOn;
    try {
      await api.leads.update({ id: lead.id, followUpOn: date });
      toast.info(`“${lead.title}”: follow up ${label}`, {
        undo: () => api.leads.update({ id: lead.id, followUpOn: before }),
      });
    } catch (e) {
      toast.error(`Could not reschedule “${lead.title}”: ${(e as Error).message}`);
    }
  };
  const done = async (next: string | null) => {
    try {
      await api.agenda.done({ leadId: lead.id, at: new Date().toISOString(), next });
      toast.info(
        next ? `Follow-up on “${lead.title}” done; next on ${formatDay(next)}` : `Follow-up on “${lead.title}” done`,
      );
    } catch (e) {
      toast.error(`Could not record the follow-up: ${(e as Error).message}`);
    }
  };

  return (
    <li className="follow-item" aria-label={lead.title}>
      <div className="follow-main">
        <a href={`#/lead/${lead.id}`} className="follow-title">
          {lead.title}
        </a>
        <div className="follow-meta">
          <ChannelChip name={lead.sourceName} color={lead.sourceColor} />
          {lead.client && <span>{lead.client}</span>}
          <StageBadge stage={lead.stage} />
          {lead.valueMinor !== null && (
            <span className="follow-value">{formatValueShort(lead.valueMinor, lead.currency)}</span>
          )}
          <span className={days < 0 ? 'overdue' : days === 0 ? 'today' : undefined}>
            {days < 0
              ? `${-days} day${days === -1 ? '' : 's'} overdue (${formatDay(due)})`
              : days === 0
                ? 'Due today'
                : `Due ${formatDay(due)}`}
          </span>
        </div>
        <div className="follow-last">
          {lastActivity ? (
            <>
              Last: {activityKindLabels[lastActivity.kind]}, {formatDateTime(lastActivity.at)}
              {lastActivity.text ? ` — ${lastActivity.text}` : ''}
            </>
          ) : (
            'No activity logged yet'
          )}
          {item.planned && (
            <span className="follow-planned">
              {' · '}Planned: {activityKindLabels[item.planned.kind]}, {formatDateTime(item.planned.at)}
              {item.planned.text ? ` — ${item.planned.text}` : ''}
            </span>
          )}
        </div>
      </div>
      {finishing ? (
        <div className="follow-actions" role="group" aria-label={`Next follow-up for ${lead.title}`}>
          <span className="muted">Next follow-up:</span>
          {choices.map((c) => (
            <button key={c.label} type="button" onClick={() => done(c.date)}>
              {c.label}
            </button>
          ))}
          <button type="button" onClick={() => done(null)}>
            None
          </button>
          <button type="button" className="link-button" onClick={() => setFinishing(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="follow-actions">
          <button type="button" className="primary" onClick={() => setFinishing(true)}>
            Done<span className="sr-only"> with {lead.title}</span>
          </button>
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              onClick={() => reschedule(c.date, c.label.toLowerCase())}
              disabled={c.date === lead.followUpOn}
            >
              {c.label}
              <span className="sr-only"> for {lead.title}</span>
            </button>
          ))}
          <input
            type="date"
            aria-label={`Follow up ${lead.title} on`}
            value={picked}
            min={today}
            onChange={(e) => {
              setPicked(e.target.value);
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
                void reschedule(e.target.value, `on ${formatDay(e.target.value)}`);
            }}
          />
        </div>
      )}
    </li>
  );
}
