import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import type { TimeEntry } from '../../../shared/api/schemas/time';
import { formatMinutes, parseDuration } from '../../../shared/domain/time';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { type TimeDraft, TimeEntryFields } from './TimeEntryFields';

/** One entry edited in place: time, day, kind, note and lead (the channel's leads, or none) — `time:update`. */
export function EditTimeEntry({ entry, onDone }: { entry: TimeEntry; onDone: () => void }) {
  const form = useFormErrors();
  const [draft, setDraft] = useState<TimeDraft>(() => ({
    duration: formatMinutes(entry.minutes),
    kind: entry.kind,
    date: entry.date,
    note: entry.note,
  }));
  const [leadId, setLeadId] = useState<number | ''>(entry.leadId ?? '');
  const leads = useAsync(
    () => api.leads.list({ sourceIds: [entry.sourceId], limit: 500, sort: { field: 'createdOn', dir: 'desc' } }),
    [entry.sourceId],
  );
  const options = leads.data?.rows ?? [];
  const { errors } = form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDuration(draft.duration);
    if (!parsed.ok) return form.setErrors({ minutes: parsed.message });
    const { date, kind, note } = draft;
    const saved = await form.run(
      () =>
        api.time.update({
          id: entry.id,
          date,
          kind,
          minutes: parsed.minutes,
          note,
          ...(leadId === '' ? { leadId: null, sourceId: entry.sourceId } : { leadId }),
        }),
      `Time entry of ${date} saved`,
    );
    if (saved) onDone();
  };
  return (
    <form
      className="time-form time-edit"
      noValidate
      onSubmit={submit}
      aria-label={`Edit the time entry of ${entry.date}`}
    >
      <FormError message={errors.form} />
      <TimeEntryFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        beforeNote={
          <Field label="Lead" error={errors.leadId}>
            <select value={leadId} onChange={(e) => setLeadId(e.target.value === '' ? '' : Number(e.target.value))}>
              <option value="">No lead ({entry.sourceName})</option>
              {entry.leadId !== null && !options.some((l) => l.id === entry.leadId) && (
                <option value={entry.leadId}>{entry.leadTitle}</option>
              )}
              {options.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
          </Field>
        }
      />
      <div className="log-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          Save
        </button>
      </div>
    </form>
  );
}
