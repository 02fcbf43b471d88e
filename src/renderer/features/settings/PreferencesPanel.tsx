import { format } from 'date-fns';
import { useState } from 'react';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { ApiCallError } from '../../../shared/api/client';
import type { Preferences } from '../../../shared/api/schemas/preferences';
import { applyPreferences, usePreferencesQuery } from './usePreferences';

const sampleDay = new Date(2026, 6, 1);
const dateFormats: { value: Preferences['dateFormat']; label: string }[] = [
  {
    value: 'locale',
    label: `Your system’s (${new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(sampleDay)})`,
  },
  { value: 'd MMM yyyy', label: format(sampleDay, 'd MMM yyyy') },
  { value: 'yyyy-MM-dd', label: '2026-07-01' },
  { value: 'dd/MM/yyyy', label: '01/07/2026' },
  { value: 'MM/dd/yyyy', label: '07/01/2026' },
  { value: 'dd.MM.yyyy', label: '01.07.2026' },
];

/** Look and behaviour: theme, dates, week start, stale threshold, notifications, lost reasons. */
export function PreferencesPanel() {
  const prefs = usePreferencesQuery();
  if (prefs.error) return <p className="form-error">Could not read the preferences: {prefs.error.message}</p>;
  if (!prefs.data) return null;
  return <PreferencesForm initial={prefs.data} />;
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const toast = useToast();
  const [prefs, setPrefs] = useState(initial);
  const [staleText, setStaleText] = useState(String(initial.staleDays));
  const [newReason, setNewReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async (patch: Partial<Preferences>, message: string) => {
    try {
      const next = await api.preferences.update(patch);
      setPrefs(next);
      setErrors({});
      applyPreferences(next);
      toast.info(message);
      return true;
    } catch (e) {
      const fields = e instanceof ApiCallError ? e.fields : [];
      setErrors(
        fields.length
          ? Object.fromEntries(fields.map((f) => [f.path.split('.')[0]!, f.message]))
          : { form: (e as Error).message },
      );
      return false;
    }
  };

  return (
    <section className="panel" aria-labelledby="prefs-title">
      <h2 id="prefs-title">Preferences</h2>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="prefs-grid">
        <Field label="Theme" error={errors.theme}>
          <select
            value={prefs.theme}
            onChange={(e) => void save({ theme: e.target.value as Preferences['theme'] }, 'Theme saved')}
          >
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </Field>
        <Field label="Date format" error={errors.dateFormat}>
          <select
            value={prefs.dateFormat}
            onChange={(e) =>
              void save({ dateFormat: e.target.value as Preferences['dateFormat'] }, 'Date format saved')
            }
          >
            {dateFormats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="First day of the week" error={errors.weekStartsOn}>
          <select
            value={prefs.weekStartsOn}
            onChange={(e) =>
              void save(
                { weekStartsOn: Number(e.target.value) as Preferences['weekStartsOn'] },
                'First day of the week saved',
              )
            }
          >
            <option value={1}>Monday</option>
            <option value={0}>Sunday</option>
            <option value={6}>Saturday</option>
          </select>
        </Field>
        <Field
          label="Stale after (days)"
          error={errors.staleDays}
          hint="An open lead with no change or activity for this long is marked stale"
        >
          <input
            type="text"
            inputMode="numeric"
            value={staleText}
            onChange={(e) => setStaleText(e.target.value)}
            onBlur={() => {
              const days = Number(staleText);
              if (!/^\d+$/.test(staleText.trim())) return setErrors({ staleDays: 'Write a whole number of days' });
              if (days !== prefs.staleDays) void save({ staleDays: days }, `Leads are stale after ${days} days`);
            }}
          />
        </Field>
        <label className="checkbox prefs-check">
          <input
            type="checkbox"
            checked={prefs.notifications}
            onChange={(e) =>
              void save(
                { notifications: e.target.checked },
                e.target.checked ? 'Notifications on' : 'Notifications off',
              )
            }
          />{' '}
          Desktop notification of the follow-ups due today (once a day)
        </label>
      </div>
      <h3>Lost reasons</h3>
      <ul className="reason-list" aria-label="Lost reasons">
        {prefs.lostReasons.map((r) => (
          <li key={r}>
            {r}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${r}`}
              disabled={prefs.lostReasons.length === 1}
              onClick={() => void save({ lostReasons: prefs.lostReasons.filter((x) => x !== r) }, `Removed “${r}”`)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        aria-label="Add a lost reason"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const reason = newReason.trim();
          if (!reason) return setErrors({ lostReasons: 'Write the reason first' });
          void save({ lostReasons: [...prefs.lostReasons, reason] }, `Added “${reason}”`).then(
            (ok) => ok && setNewReason(''),
          );
        }}
      >
        <Field label="New reason" error={errors.lostReasons}>
          <input type="text" value={newReason} maxLength={60} onChange={(e) => setNewReason(e.target.value)} />
        </Field>
        <button type="submit">Add reason</button>
      </form>
    </section>
  );
}
