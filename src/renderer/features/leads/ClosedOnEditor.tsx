import { useState } from 'react';
import type { LeadDetail } from '../../../shared/api/schemas/leads';
import { api } from '../../api';
import { formatDay, todayLocal } from '../../lib/format';
import { useFormErrors } from '../../components/useFormErrors';

/** The day a won or lost lead closed, correctable in place (back-filled wins get their real date). */
export function ClosedOnEditor({ lead }: { lead: LeadDetail }) {
  const [date, setDate] = useState(lead.closedOn ?? '');
  const form = useFormErrors();
  if (lead.stage !== 'won' && lead.stage !== 'lost') return <>{formatDay(lead.closedOn) || '—'}</>;
  const error = form.errors.closedOn ?? form.errors.form;
  return (
    <span className="inline-form">
      <input
        type="date"
        value={date}
        max={todayLocal()}
        onChange={(e) => setDate(e.target.value)}
        aria-label="Closed on"
        aria-invalid={error ? true : undefined}
      />
      <button
        type="button"
        disabled={form.busy || !date || date === lead.closedOn}
        onClick={() =>
          form.run(() => api.leads.update({ id: lead.id, closedOn: date }), `Closed date set to ${formatDay(date)}`)
        }
      >
        Save
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
