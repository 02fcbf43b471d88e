import { type FormEvent, useState } from 'react';
import { errorsByField } from '../../components/useFormErrors';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import type { TimeKind } from '../../../shared/api/schemas/time';
import { formatMinutes, parseDuration, timeKindLabels, timeKinds } from '../../../shared/domain/time';
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
  const toast = useToast();
  const [duration, setDuration] = useState('');
  const [kind, setKind] = useState<TimeKind>(defaultKind);
  const [date, setDate] = useState(todayLocal);
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<number | ''>(sourceId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDuration(duration);
    if (!parsed.ok) return setErrors({ minutes: parsed.message });
    if (leadId === undefined && channel === '') return setErrors({ sourceId: 'Choose a channel' });
    setSaving(true);
    try {
      await api.time.create({
        date,
        kind,
        minutes: parsed.minutes,
        note,
        ...(leadId !== undefined ? { leadId } : { sourceId: channel as number }),
      });
      toast.info(`${formatMinutes(parsed.minutes)} of ${timeKindLabels[kind].toLowerCase()} time logged`);
      onDone();
    } catch (e) {
      setErrors(errorsByField(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="time-form" noValidate onSubmit={submit} aria-label="Log time">
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="time-fields">
        {channels && (
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
        )}
        <Field label="Time" error={errors.minutes} hint="45 or 1:30">
          <input
            type="text"
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            placeholder="0:30"
            autoComplete="off"
            data-autofocus
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
        <Field label="Note" error={errors.note} className="time-note">
          <input
            type="text"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={leadId ? 'Proposal, call…' : 'Portfolio post, episode…'}
          />
        </Field>
      </div>
      <div className="log-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save time
        </button>
      </div>
    </form>
  );
}
