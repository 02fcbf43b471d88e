import { Field } from './Field';

export type DayFieldProps = {
  label: string;
  /** The day as `YYYY-MM-DD` (empty while none is chosen). */
  value: string;
  onChange: (day: string) => void;
  error?: string | undefined;
  className?: string;
  /** The latest day allowed (time is logged up to today). */
  max?: string;
  required?: boolean;
  /** The field a dialog focuses first. */
  autoFocus?: boolean;
};

/** A labelled day picker with its error under it: the time entry's Day, the Won and Lost dialogs' dates. */
export function DayField({ label, value, onChange, error, className, max, required, autoFocus }: DayFieldProps) {
  return (
    <Field label={label} error={error} className={className}>
      <input
        type="date"
        value={value}
        max={max}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        data-autofocus={autoFocus || undefined}
      />
    </Field>
  );
}
