import { describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../../shared/api/schemas/clients';
import type { LeadDetail } from '../../../shared/api/schemas/leads';
import type { AgendaItem, Preferences } from '../../../shared/api/schemas/preferences';
import type { Write } from '../../lib/writes';
import { applyClientWrite } from '../clients/clientWrites';
import { applyAgendaWrite } from '../follow-ups/agendaWrites';
import { preferenceDefaults } from '../settings/preferenceDefaults';
import { applyPreferencesWrite } from '../settings/preferenceWrites';
import { applyLeadWrite, leadRowOf } from './leadWrites';

const detail = (id: number, over: Partial<LeadDetail> = {}) =>
  ({ id, title: `L${id}`, stage: 'applied', followUpOn: null, notes: 'n', history: [], ...over }) as LeadDetail;
const updated = (value: LeadDetail): Write => ({ operation: 'leads:update', value });
const moved = (value: LeadDetail): Write => ({ operation: 'leads:move', value });
const other: Write = { operation: 'activity:create', value: {} as never };

describe('leadRowOf', () => {
  it('keeps the fields of a row or card, without notes and history', () => {
    expect(leadRowOf(detail(1, { title: 'Logo' }))).toEqual({
      id: 1,
      title: 'Logo',
      stage: 'applied',
      followUpOn: null,
    });
  });
});

describe('applyLeadWrite (the lead page)', () => {
  it('shows the lead an update or a move of it returned, with no refetch', () => {
    const saved = detail(1, { viewedOn: '2026-07-01' });
    expect(applyLeadWrite(detail(1), updated(saved))).toEqual({ data: saved, refetch: false });
    const won = detail(1, { stage: 'interview' });
    expect(applyLeadWrite(detail(1), moved(won))).toEqual({ data: won, refetch: false });
  });
  it('refetches after a write of another lead or of anything else', () => {
    expect(applyLeadWrite(detail(1), updated(detail(2)))).toBeUndefined();
    expect(applyLeadWrite(detail(1), other)).toBeUndefined();
  });
});

describe('applyAgendaWrite (the Follow-ups page)', () => {
  const item = (id: number, followUpOn: string) =>
    ({ lead: leadRowOf(detail(id, { followUpOn })), lastActivity: null, planned: null }) as AgendaItem;
  const shown = [item(1, '2026-07-01'), item(2, '2026-07-03'), item(3, '2026-07-05')];
  const order = (applied: ReturnType<typeof applyAgendaWrite>) =>
    applied?.data.map((i) => `${i.lead.id}@${i.lead.followUpOn}`);

  it('moves a rescheduled lead to its new date at once, and refetches for the rest it shows', () => {
    const applied = applyAgendaWrite(shown, updated(detail(1, { followUpOn: '2026-07-04' })));
    expect(order(applied)).toEqual(['2@2026-07-03', '1@2026-07-04', '3@2026-07-05']);
    expect(applied?.refetch).toBe(true);
  });
  it('drops a lead with no follow-up left or closed', () => {
    expect(order(applyAgendaWrite(shown, updated(detail(2, { followUpOn: null }))))).toEqual([
      '1@2026-07-01',
      '3@2026-07-05',
    ]);
    expect(order(applyAgendaWrite(shown, moved(detail(3, { followUpOn: '2026-07-05', stage: 'won' }))))).toEqual([
      '1@2026-07-01',
      '2@2026-07-03',
    ]);
  });
  it('leaves the agenda alone for a lead it does not hold that is not due; refetches one that becomes due', () => {
    expect(applyAgendaWrite(shown, updated(detail(9)))).toEqual({ data: shown, refetch: false });
    expect(applyAgendaWrite(shown, updated(detail(9, { followUpOn: '2026-07-02' })))).toBeUndefined();
    expect(applyAgendaWrite(shown, other)).toBeUndefined();
  });
});

describe('applyClientWrite (a client page)', () => {
  const shown = {
    client: { id: 4, name: 'Acme' },
    leads: [{ id: 1 }],
    channels: [],
    warnings: [],
  } as unknown as ClientDetail;
  it('shows the client a save of it returned, leads and channels kept, with no refetch', () => {
    const saved = { id: 4, name: 'Acme GmbH', revenue: 100 } as ClientDetail['client'];
    expect(applyClientWrite(shown, { operation: 'clients:update', value: saved })).toEqual({
      data: { ...shown, client: saved },
      refetch: false,
    });
  });
  it('refetches after a save of another client, or a merge', () => {
    const otherClient = { id: 5, name: 'Beta' } as ClientDetail['client'];
    expect(applyClientWrite(shown, { operation: 'clients:update', value: otherClient })).toBeUndefined();
    expect(applyClientWrite(shown, { operation: 'clients:merge', value: {} as never })).toBeUndefined();
  });
});

describe('applyPreferencesWrite', () => {
  it('takes the whole preferences a save returned; refetches after any other write', () => {
    const saved: Preferences = { ...preferenceDefaults, theme: 'dark' };
    expect(applyPreferencesWrite(preferenceDefaults, { operation: 'preferences:update', value: saved })).toEqual({
      data: saved,
      refetch: false,
    });
    expect(applyPreferencesWrite(preferenceDefaults, other)).toBeUndefined();
  });
});
