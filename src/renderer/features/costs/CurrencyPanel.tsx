import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { DeleteButton } from './DeleteButton';

export function CurrencyPanel() {
  const rates = useAsync(() => api.rates.list({}), []);
  const base = rates.data?.baseCurrency ?? 'USD';
  return (
    <section className="panel" aria-labelledby="currency-title">
      <h2 id="currency-title">Currency</h2>
      <BaseCurrency key={base} current={base} rateCount={rates.data?.rates.length ?? 0} />
      <h3>Exchange rates</h3>
      <p className="muted small">
        How many {base} one unit of a currency was worth in a month. Reports convert each amount with its month’s rate;
        an amount without one is left out and listed as a warning. Each rate keeps the base currency it was entered for:
        changing the base never reinterprets it.
      </p>
      {(rates.data?.otherBases ?? []).length > 0 && (
        <p className="report-warning" role="status">
          Kept for other base currencies, not used while the base is {base}:{' '}
          {rates.data!.otherBases.map((o) => `${o.rates} rate${o.rates === 1 ? '' : 's'} against ${o.base}`).join(', ')}
          . Enter the {base} rates of the months you report on below.
        </p>
      )}
      <AddRate base={base} />
      <RateTable rates={rates.data?.rates ?? []} base={base} />
    </section>
  );
}

function BaseCurrency({ current, rateCount }: { current: string; rateCount: number }) {
  const [code, setCode] = useState(current);
  const [confirming, setConfirming] = useState(false);
  const form = useFormErrors();
  const changing = code.trim().toUpperCase() !== current;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Rates belong to the base they were entered for: say so before switching, once.
    if (changing && rateCount > 0 && !confirming) return setConfirming(true);
    setConfirming(false);
    void form.run(
      () => api.settings.update({ baseCurrency: code }),
      `Base currency set to ${code.toUpperCase()}: enter its exchange rates below`,
    );
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Base currency">
      <Field label="Base currency" error={form.errors.baseCurrency}>
        <input type="text" className="upper" value={code} onChange={(e) => setCode(e.target.value)} maxLength={3} />
      </Field>
      <button type="submit" disabled={form.busy}>
        {confirming ? `Change to ${code.trim().toUpperCase()}` : 'Save'}
      </button>
      {confirming && (
        <span className="report-warning" role="alert">
          The {rateCount} rate{rateCount === 1 ? '' : 's'} entered against {current} stay with {current}; reports in{' '}
          {code.trim().toUpperCase()} need new rates.
        </span>
      )}
      <FormError message={form.errors.form} />
    </form>
  );
}

function AddRate({ base }: { base: string }) {
  const [currency, setCurrency] = useState('');
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [rate, setRate] = useState('');
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await form.run(
        () => api.rates.set({ currency, month, rate }),
        `Rate saved for ${currency.toUpperCase()} ${month}`,
      )
    )
      setRate('');
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Add an exchange rate">
      <Field label="Currency" error={form.errors.currency}>
        <input
          type="text"
          className="upper"
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
          placeholder="EUR"
          maxLength={3}
        />
      </Field>
      <Field label="Month" error={form.errors.month}>
        <input type="text" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="YYYY-MM" />
      </Field>
      <Field label={`Rate (${base} per unit)`} error={form.errors.rate}>
        <input
          type="text"
          inputMode="decimal"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          placeholder="1.0845"
        />
      </Field>
      <button type="submit" disabled={form.busy}>
        Save rate
      </button>
      <FormError message={form.errors.form} />
    </form>
  );
}

function RateTable({ rates, base }: { rates: { currency: string; month: string; rate: string }[]; base: string }) {
  const remove = useFormErrors();
  return (
    <>
      <FormError message={remove.errors.form} />
      <table className="data-table compact" aria-label="Exchange rates">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              {base} per unit
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rates.length === 0 && (
            <tr>
              <td colSpan={4} className="table-empty">
                No rates yet: every amount is in {base}, or left out.
              </td>
            </tr>
          )}
          {rates.map((r) => (
            <tr key={`${r.currency}-${r.month}`}>
              <td>{r.month}</td>
              <td>{r.currency}</td>
              <td className="num">{r.rate}</td>
              <td className="num">
                <DeleteButton
                  label={`Delete ${r.currency} rate for ${r.month}`}
                  onDelete={() =>
                    remove.run(() => api.rates.delete({ currency: r.currency, month: r.month }), 'Rate deleted')
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
