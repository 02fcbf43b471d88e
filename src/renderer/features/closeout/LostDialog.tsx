import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { usePreferencesQuery } from '../settings/usePreferences';
import { todayLocal } from '../../lib/format';
import { Dialog } from '../../components/Dialog';
import { DayField } from '../../components/DayField';
import { Field } from '../../components/Field';
import { FormError } from '../../components/useFormErrors';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { type Closed, closeoutErrors } from './closed';

export type LostDialogProps = { lead: LeadRow; beforeId: number | null; onDone: (saved: Closed | false) => void };

const other = '__other';
const fieldOf = { note: 'note', reason: 'reason', closedOn: 'closedOn' } as const;

/** Lost on a day (default today: a loss logged later takes its real day) with a reason from the user's list (which "Other…" extends) and an optional note. */
export function LostDialog({ lead, beforeId, onDone }: LostDialogProps) {
  return (
    <Dialog open title={`Lost: ${lead.title}`} onClose={() => onDone(false)}>
      <LostForm lead={lead} beforeId={beforeId} onDone={onDone} />
    </Dialog>
  );
}

function LostForm({ lead, beforeId, onDone }: LostDialogProps) {
  const prefs = usePreferencesQuery();
  const reasons = prefs.data?.lostReasons ?? [];
  const [choice, setChoice] = useState('');
  const [custom, setCustom] = useState('');
  const [note, setNote] = useState('');
  const [closedOn, setClosedOn] = useState(todayLocal());
  const [errors, setErrors] = useState<{ reason?: string; note?: string; closedOn?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);
  const reason = choice === other ? custom.trim() : choice;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return setErrors({ reason: choice === other ? 'Write the new reason' : 'Choose a reason' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closedOn)) return setErrors({ closedOn: 'Enter the day it was lost' });
    if (lead.appliedOn && closedOn < lead.appliedOn)
      return setErrors({ closedOn: `Lost cannot be before Applied (${lead.appliedOn})` });
    if (closedOn < lead.createdOn) return setErrors({ closedOn: `Lost cannot be before Created (${lead.createdOn})` });
    setSaving(true);
    try {
      await api.closeout.lost({ id: lead.id, closedOn, reason, note: note.trim() || undefined, beforeId });
      onDone({ paymentId: null });
    } catch (e) {
      setErrors(closeoutErrors(e, fieldOf));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="closeout-form" noValidate onSubmit={submit} aria-busy={saving}>
      <FormError message={errors.form} />
      <div className="form-grid">
        <DayField
          label="Lost on"
          value={closedOn}
          onChange={setClosedOn}
          error={errors.closedOn}
          className="span-2"
          required
        />
        <Field label="Lost reason" error={choice === other ? undefined : errors.reason} className="span-4">
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-autofocus>
            <option value="">Choose…</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            <option value={other}>Other…</option>
          </select>
        </Field>
        {choice === other && (
          <Field label="New reason" error={errors.reason} hint="Added to your list" className="span-4">
            <input
              type="text"
              value={custom}
              maxLength={60}
              onChange={(e) => setCustom(e.target.value)}
              autoComplete="off"
            />
          </Field>
        )}
        <Field label="Note" error={errors.note} hint="Optional; kept in the activity log" className="span-4">
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
