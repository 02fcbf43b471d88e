import { describe, expect, it } from 'vitest';
import { LeadCreate } from '../../../shared/api/schemas/leads';
import { apiErrorsToForm, checkLeadForm, emptyLeadForm, formToInput, leadToForm, splitTagText } from './leadFormModel';

const base = () => ({ ...emptyLeadForm({ currency: 'USD', today: '2026-08-15' }), title: 'Logo', sourceId: '1' });

describe('lead form model', () => {
  it('accepts a plain lead and builds input the API schema accepts', () => {
    const values = {
      ...base(),
      connects: '8',
      value: '1250.50',
      tags: 'design, urgent; design',
      followUpOn: '2026-08-20',
    };
    expect(checkLeadForm(values)).toEqual({});
    const input = formToInput(values);
    expect(input).toMatchObject({
      title: 'Logo',
      sourceId: 1,
      connects: 8,
      boostConnects: 0,
      value: '1250.50',
      tags: ['design', 'urgent'],
      appliedOn: null,
    });
    expect(LeadCreate.safeParse(input).success).toBe(true);
  });

  it('catches the obvious mistakes before the round trip', () => {
    const errors = checkLeadForm({
      ...base(),
      title: ' ',
      sourceId: '',
      connects: '-2',
      boostConnects: '1.5',
      value: '10.005',
      createdOn: '',
    });
    expect(errors).toEqual({
      title: 'Give the lead a title',
      sourceId: 'Choose where the lead came from',
      connects: 'Cannot be negative',
      boostConnects: 'Whole numbers only',
      value: 'USD has 2 decimals; "10.005" has 3',
      createdOn: 'Give the day the lead came in',
    });
    expect(checkLeadForm({ ...base(), currency: 'JPY', value: '10.5' }).value).toBe('JPY has 0 decimals; "10.5" has 1');
    expect(checkLeadForm({ ...base(), currency: 'XYZ' }).currency).toBe('Unknown ISO 4217 currency code');
  });

  it('places API field errors next to the controls and keeps the rest for the form', () => {
    expect(
      apiErrorsToForm(
        [
          { path: 'tags.2', message: 'Tags are at most 40 characters' },
          { path: 'closedOn', message: 'Closed cannot be before Created' },
        ],
        'x',
      ),
    ).toEqual({
      tags: 'Tags are at most 40 characters',
      closedOn: 'Closed cannot be before Created',
    });
    expect(apiErrorsToForm([{ path: 'ref', message: 'A lead with ref "a" exists' }], 'x')).toEqual({
      form: 'ref: A lead with ref "a" exists',
    });
    expect(apiErrorsToForm([], 'The disk is full')).toEqual({ form: 'The disk is full' });
  });

  it('round-trips a stored lead, exact money included', () => {
    const values = leadToForm({
      id: 1,
      ref: 'r',
      sourceId: 2,
      sourceName: 'Upwork',
      sourceColor: '#000000',
      title: 'T',
      client: 'C',
      url: '',
      stage: 'won',
      createdOn: '2026-01-01',
      appliedOn: '2026-01-02',
      closedOn: '2026-01-09',
      connects: 0,
      boostConnects: 4,
      connectsRefunded: 0,
      valueMinor: 125005,
      currency: 'USD',
      feePercent: null,
      lostReason: '',
      tags: ['a', 'b'],
      notes: 'n',
      followUpOn: null,
      position: 1,
      updatedAt: '',
      lastActivityAt: null,
      lastMovedAt: null,
      invited: false,
      minutesAfterPost: null,
      proposalsWhenBid: null,
      viewedOn: null,
      boostOutcome: null,
    });
    expect(values).toMatchObject({
      value: '1250.05',
      connects: '',
      boostConnects: '4',
      tags: 'a, b',
      appliedOn: '2026-01-02',
      closedOn: '2026-01-09',
      followUpOn: '',
      feePercent: '',
    });
    expect(splitTagText(' a ,, b;c ')).toEqual(['a', 'b', 'c']);
  });

  it('keeps the lost reason of a lost lead through the form', () => {
    const values = leadToForm({
      id: 1,
      ref: 'r',
      sourceId: 2,
      sourceName: 'Upwork',
      sourceColor: '#000000',
      title: 'T',
      client: '',
      url: '',
      stage: 'lost',
      createdOn: '2026-01-01',
      appliedOn: null,
      closedOn: '2026-01-09',
      connects: 0,
      boostConnects: 0,
      connectsRefunded: 0,
      valueMinor: null,
      currency: 'USD',
      feePercent: null,
      lostReason: 'Budget too low',
      tags: [],
      notes: '',
      followUpOn: null,
      position: 1,
      updatedAt: '',
      lastActivityAt: null,
      lastMovedAt: null,
      invited: false,
      minutesAfterPost: null,
      proposalsWhenBid: null,
      viewedOn: null,
      boostOutcome: null,
    });
    expect(values.lostReason).toBe('Budget too low');
    expect(formToInput({ ...values, lostReason: 'Went silent' }).lostReason).toBe('Went silent');
    expect(apiErrorsToForm([{ path: 'lostReason', message: 'Too long' }], 'x')).toEqual({ lostReason: 'Too long' });
  });

  it('edits the closed date and the fee override; the shared schema names a date out of order', () => {
    const won = {
      ...base(),
      stage: 'won' as const,
      createdOn: '2026-08-01',
      appliedOn: '2026-08-05',
      closedOn: '2026-08-04',
    };
    // The date order is the API's (shared schema) check: its field error lands next to the Closed control.
    const refused = LeadCreate.safeParse(formToInput(won));
    expect(refused.success).toBe(false);
    const fields = refused.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(apiErrorsToForm(fields, 'x')).toEqual({
      closedOn: 'Closed (2026-08-04) cannot be before Applied (2026-08-05)',
    });
    const ok = { ...won, closedOn: '2026-08-09', feePercent: '12.5' };
    expect(checkLeadForm(ok)).toEqual({});
    expect(formToInput(ok)).toMatchObject({ closedOn: '2026-08-09', feePercent: 12.5 });
    expect(LeadCreate.safeParse(formToInput(ok)).success).toBe(true);
    // Empty closed date: the API stamps today; an open stage sends none.
    expect(formToInput({ ...ok, closedOn: '' })).not.toHaveProperty('closedOn');
    expect(formToInput({ ...ok, stage: 'applied' })).not.toHaveProperty('closedOn');
    expect(checkLeadForm({ ...ok, feePercent: '101' }).feePercent).toBe('A fee cannot be over 100%');
    expect(checkLeadForm({ ...ok, feePercent: '12.345' }).feePercent).toBe('At most two decimals');
    expect(formToInput({ ...ok, feePercent: '' }).feePercent).toBeNull();
  });
});
