import { type FormEvent, useState } from 'react';
import { todayLocal } from '../../lib/format';
import { Field } from '../../components/Field';
import { AdjustDialog } from './LedgerDialogs';

/**
 * "Matches Upwork?": the user types the "Available Connects" Upwork shows; a difference becomes an
 * adjustment (reviewed in the Adjust dialog before it is saved).
 */
export function MatchUpwork({
  sourceId,
  source,
  creditName,
  balance,
}: {
  sourceId: number;
  source: string;
  creditName: string;
  balance: number;
}) {
  const [theirs, setTheirs] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<string | undefined>();
  const [adjust, setAdjust] = useState<{ count: number; note: string } | null>(null);
  const check = (event: FormEvent) => {
    event.preventDefault();
    const t = theirs.trim();
    if (!/^\d+$/.test(t)) return setError('Type the whole number Upwork shows');
    setError(undefined);
    const diff = Number(t) - balance;
    if (diff === 0) return setResult(`Yes: ${balance.toLocaleString()} here and on ${source}.`);
    setResult(undefined);
    setAdjust({
      count: diff,
      note: `Matched ${source}'s available ${creditName} (${Number(t).toLocaleString()}) on ${todayLocal()}`,
    });
  };
  // The dialog stays outside the form: a form inside a form would submit the outer one.
  return (
    <>
      <form className="match-line" onSubmit={check} noValidate aria-label={`Does the balance match ${source}?`}>
        <span>
          <strong>Matches {source}?</strong> The ledger says {balance.toLocaleString()} {creditName} today.
        </span>
        <Field label={`${source} shows`} error={error}>
          <input
            type="text"
            inputMode="numeric"
            value={theirs}
            onChange={(e) => setTheirs(e.target.value)}
            placeholder={String(balance)}
          />
        </Field>
        <button type="submit">Check</button>
        {result && (
          <span role="status" className="positive">
            {result}
          </span>
        )}
      </form>
      {adjust && (
        <AdjustDialog
          sourceId={sourceId}
          source={source}
          creditName={creditName}
          initial={adjust}
          onClose={() => {
            setAdjust(null);
            setTheirs('');
          }}
        />
      )}
    </>
  );
}
