import { addDays, addWeeks } from 'date-fns';
import { api } from '../../api';
import { notifyDataChanged } from '../../app/dataVersion';
import { daysFromToday, formatDay, todayLocal } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { navigate } from '../../app/useRoute';
import { ChannelChip, StageBadge } from '../../components/Badges';
import { useToast } from '../../components/Toasts';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { fromIsoDate, toIsoDate } from '../../../shared/dates';

/** What is due today or overdue, with one-click done and snooze. */
export function FollowUpsPage() {
  const today = todayLocal();
  const due = useAsync(() => api.leads.followUps({ today }), [today]);
  const rows = due.data ?? [];
  const overdue = rows.filter((l) => (l.followUpOn ?? today) < today);
  const dueToday = rows.filter((l) => l.followUpOn === today);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Follow-ups</h1>
          <p className="page-summary">Open leads whose follow-up date is today or past.</p>
        </div>
      </header>
      {due.error && (
        <p className="form-error" role="alert">
          Could not load follow-ups: {due.error.message}
        </p>
      )}
      {due.data && rows.length === 0 && (
        <div className="empty-note">
          <h2>Nothing due</h2>
          <p className="muted">Set a Follow-up date on a lead and it shows up here on that day.</p>
        </div>
      )}
      {overdue.length > 0 && <FollowUpGroup title="Overdue" leads={overdue} />}
      {dueToday.length > 0 && <FollowUpGroup title="Today" leads={dueToday} />}
    </div>
  );
}

function FollowUpGroup({ title, leads }: { title: string; leads: LeadRow[] }) {
  const id = `group-${title.toLowerCase()}`;
  return (
    <section className="follow-group" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="column-count">{leads.length}</span>
      </h2>
      <ul className="follow-list">
        {leads.map((lead) => (
          <FollowUpItem key={lead.id} lead={lead} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpItem({ lead }: { lead: LeadRow }) {
  const toast = useToast();
  const days = lead.followUpOn ? -daysFromToday(lead.followUpOn) : 0;
  const setFollowUp = async (followUpOn: string | null, message: string) => {
    try {
      await api.leads.update({ id: lead.id, followUpOn });
      toast.info(message);
      notifyDataChanged();
    } catch (e) {
      toast.error(`Could not update “${lead.title}”: ${(e as Error).message}`);
    }
  };
  // Snoozing counts from today, not from the missed date.
  const snooze = (date: Date, label: string) => setFollowUp(toIsoDate(date), `“${lead.title}”: follow up ${label}`);
  const base = fromIsoDate(todayLocal());
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
          <span className={days > 0 ? 'overdue' : 'today'}>
            {days > 0 ? `${days} day${days === 1 ? '' : 's'} overdue (${formatDay(lead.followUpOn)})` : 'Due today'}
          </span>
        </div>
      </div>
      <div className="follow-actions">
        <button type="button" onClick={() => setFollowUp(null, `Follow-up on “${lead.title}” done`)}>
          Done<span className="sr-only"> with {lead.title}</span>
        </button>
        <button type="button" onClick={() => snooze(addDays(base, 1), 'tomorrow')} title="Snooze until tomorrow">
          +1 day<span className="sr-only"> for {lead.title}</span>
        </button>
        <button type="button" onClick={() => snooze(addWeeks(base, 1), 'in a week')} title="Snooze for a week">
          +1 week<span className="sr-only"> for {lead.title}</span>
        </button>
        <button type="button" onClick={() => navigate(`lead/${lead.id}`)}>
          Open<span className="sr-only"> {lead.title}</span>
        </button>
      </div>
    </li>
  );
}
