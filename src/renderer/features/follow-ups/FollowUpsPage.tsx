import { api } from '../../api';
import { plural, todayLocal } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import type { AgendaItem } from '../../../shared/api/schemas/preferences';
import { FollowUpItem } from './FollowUpItem';
import { groupBySection, type SectionName, sectionNames, type WeekStart } from './followUpSections';
import { NotificationsOffer } from './NotificationsOffer';
import { usePreferencesQuery } from '../settings/usePreferences';
import { applyAgendaWrite } from './agendaWrites';

/** Today, then what was missed, the coming week and later, with one-click reschedule and Done. */
export function FollowUpsPage() {
  const today = todayLocal();
  const agenda = useAsync(() => api.agenda.list({}), [today], { apply: applyAgendaWrite });
  const prefs = usePreferencesQuery();
  const weekStartsOn: WeekStart = prefs.data?.weekStartsOn ?? 1;
  const items = agenda.data ?? [];
  const groups = groupBySection(items, (i) => i.lead.followUpOn ?? today, today);
  const dueNow = groups.Today.length + groups.Overdue.length;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Follow-ups</h1>
          <p className="page-summary">
            {agenda.data
              ? `${plural(groups.Today.length, 'due today', 'due today')}, ${groups.Overdue.length.toLocaleString()} overdue, ${plural(groups['Next 7 days'].length + groups.Later.length, 'coming up', 'coming up')}`
              : 'Loading…'}
          </p>
        </div>
        {prefs.data?.notifications && <NotificationsOffer />}
      </header>
      {agenda.error && (
        <p className="form-error" role="alert">
          Could not load follow-ups: {agenda.error.message}
        </p>
      )}
      {agenda.data && dueNow === 0 && (
        <div className="empty-note">
          <h2>Nothing due</h2>
          <p className="muted">
            {items.length
              ? 'Nothing for today or overdue; what is coming is below.'
              : 'Set a Follow-up date on a lead and it shows up here.'}
          </p>
        </div>
      )}
      {sectionNames.map(
        (name) =>
          groups[name].length > 0 && (
            <Section key={name} name={name} items={groups[name]} today={today} weekStartsOn={weekStartsOn} />
          ),
      )}
    </div>
  );
}

function Section({
  name,
  items,
  today,
  weekStartsOn,
}: {
  name: SectionName;
  items: AgendaItem[];
  today: string;
  weekStartsOn: WeekStart;
}) {
  const id = `group-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="follow-group" aria-labelledby={id}>
      <h2 id={id}>
        {name} <span className="column-count">{items.length}</span>
      </h2>
      <ul className="follow-list">
        {items.map((item) => (
          <FollowUpItem key={item.lead.id} item={item} today={today} weekStartsOn={weekStartsOn} />
        ))}
      </ul>
    </section>
  );
}
