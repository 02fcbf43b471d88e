import type { ReactNode } from 'react';
import { todayLocal } from '../../lib/format';
import { DayField } from '../../components/DayField';
import { Field } from '../../components/Field';
import type { TimeKind } from '../../../shared/api/schemas/time';
import { timeKindLabels, timeKinds } from '../../../shared/domain/time';

/** What the time forms hold while they are edited: the duration as typed ("45", "1:30"). */
export type TimeDraft = { duration: string; kind: TimeKind; date: string; note: string };

export type TimeEntryFieldsProps = {
  draft: TimeDraft;
  onChange: (draft: TimeDraft) => void;
  errors: Record<string, string>;
  /** A field before the time (Log time: the channel)… */
  first?: ReactNode;
  /** …and one before the note (Edit: the lead). */
  beforeNote?: ReactNode;
  placeholders?: { duration?: string; note?: string };
};

/** The fields of a time entry, shared by Log time and Edit: time, kind, day and note (docs/domain.md §6.1). */
export function TimeEntryFields({ draft, onChange, errors, first, beforeNote, placeholders }: TimeEntryFieldsProps) {
  const set = (patch: Partial<TimeDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="time-fields">
      {first}
      <Field label="Time" error={errors.minutes} hint="45 or 1:30">
        <input
          type="text"
          inputMode="numeric"
          value={draft.duration}
          onChange={(e) => set({ duration: e.target.value })}
          placeholder={placeholders?.duration}
          autoComplete="off"
          data-autofocus
          autoFocus
        />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as TimeKind })}>
          {timeKinds.map((k) => (
            <option key={k} value={k}>
              {timeKindLabels[k]}
            </option>
          ))}
        </select>
      </Field>
      <DayField
        label="Day"
        value={draft.date}
        max={todayLocal()}
        onChange={(date) => set({ date })}
        error={errors.date}
      />
      {beforeNote}
      <Field label="Note" error={errors.note} className="time-note">
        <input
          type="text"
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          placeholder={placeholders?.note}
        />
      </Field>
    </div>
  );
}
