import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../app/useAsync';
import { Field } from '../../components/Field';
import { FormError, useFormErrors } from './useFormErrors';
import { DeleteButton } from './DeleteButton';

export function CurrencyPanel() {
  const rates = useAsync(() => api.rates.list({}), []);
  const base = rates.data?.baseCurrency ?? 'USD';
  return (
    <section className="panel" aria-labelledby="currency-title">
      <h2 id="currency-title">Currency</h2>
      <BaseCurrency key={base} current={base} />
      <h3>Exchange rates</h3>
      <p className="muted small">
        How many {base} one unit of a currency was worth in a month. Reports convert each amount with its month’s rate; an amount without one is
        left out and listed as a warning. Rates are in the base currency: re-enter them if you change it.
      </p>
      <AddRate base={base} />
      <RateTable rates={rates.data?.rates ?? []} base={base} />
    </section>
  );
}

function BaseCurrency({ current }: { current: string }) {
  const [code, setCode] = useState(current);
  const form = useFormErrors();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.run(() => api.settings.update({ baseCurrency: code }), `Base currency set to ${code.toUpperCase()}`);
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Base currency">
      <Field label="Base currency" error={form.errors.baseCurrency}>
        <input type="text" className="upper" value={code} onChange={(e) => setCode(e.target.value)} maxLength={3} />
      </Field>
      <button type="submit" disabled={form.busy}>Save</button>
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
    if (await form.run(() => api.rates.set({ currency, month, rate }), `Rate saved for ${currency.toUpperCase()} ${month}`)) setRate('');
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Add an exchange rate">
      <Field label="Currency" error={form.errors.currency}>
        <input type="text" className="upper" value={currency} onChange={(e) => setCurrency(e.target.value)} placeholder="EUR" maxLength={3} />
      </Field>
      <Field label="Month" error={form.errors.month}>
        <input type="text" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="YYYY-MM" />
      </Field>
      <Field label={`Rate (${base} per unit)`} error={form.errors.rate}>
        <input type="text" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} placeholder="1.0845" />
      </Field>
      <button type="submit" disabled={form.busy}>Save rate</button>
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
            <th scope="col" className="num">{base} per unit</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rates.length === 0 && (
            <tr>
              <td colSpan={4} className="table-empty">No rates yet: every amount is in {base}, or left out.</td>
            </tr>
          )}
          {rates.map((r) => (
            <tr key={`${r.currency}-${r.month}`}>
              <td>{r.month}</td>
              <td>{r.currency}</td>
              <td className="num">{r.rate}</td>
              <td className="num">
                <DeleteButton label={`Delete ${r.currency} rate for ${r.month}`} onDelete={() => remove.run(() => api.rates.delete({ currency: r.currency, month: r.month }), 'Rate deleted')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
