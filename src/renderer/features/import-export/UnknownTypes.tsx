import { useState } from 'react';
import { api } from '../../api';
import type { ImportSummary } from '../../../shared/api/schemas/csv';
import { plural } from '../../lib/format';

type Choice = '' | 'payment' | 'fee' | 'transfer' | 'ignore' | `expense:${string}`;
const categories = ['connects', 'subscription', 'advertising', 'fee', 'tax', 'other'] as const;
const platformNames: Record<string, string> = { upwork: 'Upwork', paypal: 'PayPal', stripe: 'Stripe' };

export type UnknownTypesProps = { types: ImportSummary['unknownTypes']; onDecided: () => void };

/** Row types the platform tables do not know: the user says once what each is; saved for later imports. */
export function UnknownTypes({ types, onDecided }: UnknownTypesProps) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyOf = (t: { platform: string; type: string }) => `${t.platform}:${t.type}`;
  const ready = types.every((t) => (choices[keyOf(t)] ?? '') !== '');

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const platform of [...new Set(types.map((t) => t.platform))]) {
        const decisions = types
          .filter((t) => t.platform === platform)
          .map((t) => {
            const c = choices[keyOf(t)]!;
            return c.startsWith('expense:')
              ? { type: t.type, as: 'expense' as const, category: c.slice(8) as (typeof categories)[number] }
              : { type: t.type, as: c as 'payment' | 'fee' | 'transfer' | 'ignore' };
          });
        await api.csv.decideTypes({ platform: platform as 'upwork' | 'paypal' | 'stripe', decisions });
      }
      onDecided();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-unknown" role="group" aria-label="Unknown types">
      <h3>Types LeadLedger does not know: say once what each one is</h3>
      <p className="muted">
        Your choice is saved for this platform and used by every later import. Nothing is guessed.
      </p>
      <ul>
        {types.map((t) => (
          <li key={keyOf(t)}>
            <label htmlFor={`type-${keyOf(t)}`}>
              <strong>
                {platformNames[t.platform] ?? t.platform} “{t.type}”
              </strong>{' '}
              <span className="muted">
                {plural(t.count, 'row')}, line{t.lines.length === 1 ? '' : 's'} {t.lines.join(', ')}
                {t.count > t.lines.length ? ', …' : ''}
              </span>
            </label>
            <select
              id={`type-${keyOf(t)}`}
              value={choices[keyOf(t)] ?? ''}
              onChange={(e) => setChoices({ ...choices, [keyOf(t)]: e.target.value as Choice })}
            >
              <option value="">Choose…</option>
              <option value="payment">Payment (revenue)</option>
              <option value="fee">Platform fee on a payment</option>
              {categories.map((c) => (
                <option key={c} value={`expense:${c}`}>
                  Expense: {c}
                </option>
              ))}
              <option value="transfer">Transfer (neither revenue nor cost)</option>
              <option value="ignore">Ignore these rows</option>
            </select>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="primary" disabled={!ready || busy} onClick={save}>
        Save and check again
      </button>
    </div>
  );
}
