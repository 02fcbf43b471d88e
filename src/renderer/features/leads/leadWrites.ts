import type { LeadDetail, LeadRow } from '../../../shared/api/schemas/leads';
import { type Applied, settled, type Write } from '../../lib/writes';

/** The fields of a list row or a card (no notes, no history) of a lead a write returned. */
export function leadRowOf(lead: LeadDetail): LeadRow {
  const { notes: _notes, history: _history, ...row } = lead;
  return row;
}

/** The lead a write of it returned (an update or a move), or undefined for any other write. */
export function savedLead(write: Write): LeadDetail | undefined {
  return write.operation === 'leads:update' || write.operation === 'leads:move' ? write.value : undefined;
}

/**
 * The lead page's lead: an update or a move of it answers with the whole `LeadDetail`, which is all the page shows
 * of the lead (its money, time, activity and client have hooks of their own), so it is shown with no refetch.
 */
export function applyLeadWrite(shown: LeadDetail, write: Write): Applied<LeadDetail> {
  const lead = savedLead(write);
  return lead && lead.id === shown.id ? settled(lead) : undefined;
}
