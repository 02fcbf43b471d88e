import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { type TimeEntry, type TimeKind, timeKindLabels, timeKinds } from '../../../shared/api/schemas/time';
import { formatMinutes, parseDuration } from '../../../shared/domain/time';
import { errorsByField } from '../../components/useFormErrors';

/** One entry edited in place: time, day, kind, note and lead (the channel's leads, or none) — `time:update`. */
export function EditTimeEntry({ entry, onDone }: { entry: TimeEntry; onDone: () => void }) {
  const toast = useToast();
  const [duration, setDuration] = useState(formatMinutes(entry.minutes));
  const [kind, setKind] = useState<TimeKind>(entry.kind);
  const [date, setDate] = useState(entry.date);
  const [note, setNote] = useState(entry.note);
  const [leadId, setLeadId] = useState<number | ''>(entry.leadId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const leads = useAsync(
    () => api.leads.list({ sourceIds: [entry.sourceId], limit: 500, sort: { field: 'createdOn', dir: 'desc' } }),
    [entry.sourceId],
  );
  const options = leads.data?.rows ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDuration(duration);
    if (!parsed.ok) return setErrors({ minutes: parsed.message });
    setSaving(true);
    try {
      await api.time.update({
        id: entry.id,
        date,
        kind,
        minutes: parsed.minutes,
        note,
        ...(leadId === '' ? { leadId: null, sourceId: entry.sourceId } : { leadId }),
      });
      toast.info(`Time entry of ${date} saved`);
      onDone();
    } catch (e) {
      setErrors(errorsByField(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="time-form time-edit"
      noValidate
      onSubmit={submit}
      aria-label={`Edit the time entry of ${entry.date}`}
    >
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="time-fields">
        <Field label="Time" error={errors.minutes} hint="45 or 1:30">
          <input
            type="text"
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            autoComplete="off"
            autoFocus
          />
        </Field>
        <Field label="Kind" error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as TimeKind)}>
            {timeKinds.map((k) => (
              <option key={k} value={k}>
                {timeKindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Day" error={errors.date}>
          <input type="date" value={date} max={todayLocal()} onChange={(e) => setDate(e.target.value)} />
        </Field>
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
        <Field label="Note" error={errors.note} className="time-note">
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <div className="log-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
