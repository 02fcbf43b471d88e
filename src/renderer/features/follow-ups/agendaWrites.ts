import type { AgendaItem } from '../../../shared/api/schemas/preferences';
import { type Applied, settled, showing, type Write } from '../../lib/writes';
import { leadRowOf, savedLead } from '../leads/leadWrites';

const isDue = (lead: AgendaItem['lead']) => lead.followUpOn !== null && lead.stage !== 'won' && lead.stage !== 'lost';
const byDueThenId = (a: AgendaItem, b: AgendaItem) =>
  (a.lead.followUpOn ?? '').localeCompare(b.lead.followUpOn ?? '') || a.lead.id - b.lead.id;

/**
 * The agenda after a lead was saved: the lead takes its new date (and section) at once, or leaves when it is no longer
 * due; the agenda also shows each lead's last activity, so it is fetched again. A lead that becomes due, which the
 * agenda does not hold yet, and any other write: fetched again only.
 */
export function applyAgendaWrite(shown: AgendaItem[], write: Write): Applied<AgendaItem[]> {
  const saved = savedLead(write);
  if (!saved) return undefined;
  const lead = leadRowOf(saved);
  const item = shown.find((i) => i.lead.id === lead.id);
  if (!item) return isDue(lead) ? undefined : settled(shown);
  const others = shown.filter((i) => i !== item);
  return showing(isDue(lead) ? [...others, { ...item, lead }].sort(byDueThenId) : others);
}
