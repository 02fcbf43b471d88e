import { type FormEvent, useState } from 'react';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';
import { Field } from '../../components/Field';
import type { TimeKind } from '../../../shared/api/schemas/time';
import { formatMinutes, parseDuration, timeKindLabels } from '../../../shared/domain/time';
import { type TimeDraft, TimeEntryFields } from './TimeEntryFields';
import './time.css';

export type LogTimeFormProps = {
  /** Time on a lead (its channel comes along)… */
  leadId?: number;
  /** …or on a channel: fixed, or chosen from `channels`. */
  sourceId?: number;
  channels?: readonly { id: number; name: string }[];
  defaultKind?: TimeKind;
  onDone: () => void;
};

/** "Log time": minutes or h:mm, sales or delivery, the day, a note (docs/domain.md §6.1). */
export function LogTimeForm({ leadId, sourceId, channels, defaultKind = 'sales', onDone }: LogTimeFormProps) {
  const form = useFormErrors();
  const [draft, setDraft] = useState<TimeDraft>(() => ({
    duration: '',
    kind: defaultKind,
    date: todayLocal(),
    note: '',
  }));
  const [channel, setChannel] = useState<number | ''>(sourceId ?? '');
  const { errors } = form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDuration(draft.duration);
    if (!parsed.ok) return form.setErrors({ minutes: parsed.message });
    if (leadId === undefined && channel === '') return form.setErrors({ sourceId: 'Choose a channel' });
    const { date, kind, note } = draft;
    const saved = await form.run(
      () =>
        api.time.create({
          date,
          kind,
          minutes: parsed.minutes,
          note,
          ...(leadId !== undefined ? { leadId } : { sourceId: channel as number }),
        }),
      `${formatMinutes(parsed.minutes)} of ${timeKindLabels[kind].toLowerCase()} time logged`,
    );
    if (saved) onDone();
  };
  return (
    <form className="time-form" noValidate onSubmit={submit} aria-label="Log time">
      <FormError message={errors.form} />
      <TimeEntryFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        placeholders={{ duration: '0:30', note: leadId ? 'Proposal, call…' : 'Portfolio post, episode…' }}
        first={
          channels && (
            <Field label="Channel" error={errors.sourceId}>
              <select value={channel} onChange={(e) => setChannel(e.target.value === '' ? '' : Number(e.target.value))}>
                <option value="">Choose…</option>
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          )
        }
      />
      <div className="log-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          Save time
        </button>
      </div>
    </form>
  );
}
