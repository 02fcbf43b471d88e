import { type FormEvent, useState } from 'react';
import type { Source } from '../../../shared/api/schemas/sources';
import { api } from '../../api';
import { formatDay, todayLocal } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { money } from '../../lib/reportFormat';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { DeleteButton } from './DeleteButton';
import { percentFromText } from '../../../shared/api/fields';

export function CostModelsPanel({ sources, baseCurrency }: { sources: Source[]; baseCurrency: string }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const sourceId = chosen ?? sources[0]?.id ?? null;
  const costs = useAsync(() => (sourceId ? api.costs.list({ sourceId }) : Promise.resolve([])), [sourceId]);
  const model = costs.data?.[0];
  const source = sources.find((s) => s.id === sourceId);
  const remove = useFormErrors();
  return (
    <section className="panel wide" aria-labelledby="models-title">
      <div className="chart-head">
        <h2 id="models-title">Cost models</h2>
        <label className="filter">
          Channel
          <select
            value={sourceId ?? ''}
            onChange={(e) => setChosen(Number(e.target.value))}
            aria-label="Cost model channel"
          >
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        Each rule applies from its date until the next one, so old records keep the rules of their day.
      </p>
      <FormError message={remove.errors.form} />
      {source && model && (
        <div className="cost-models">
          <div>
            <h3>Bidding credits</h3>
            <CreditSettings key={source.id} source={source} />
            {source.creditName && (
              <>
                <table className="data-table compact" aria-label={`${source.creditName} prices`}>
                  <thead>
                    <tr>
                      <th scope="col">From</th>
                      <th scope="col" className="num">
                        Price each
                      </th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {model.creditPrices.map((p) => (
                      <tr key={p.id}>
                        <td>{formatDay(p.effectiveFrom)}</td>
                        <td className="num">{money(p.unitPriceMinor, p.currency)}</td>
                        <td className="num">
                          <DeleteButton
                            label={`Delete price from ${p.effectiveFrom}`}
                            onDelete={() =>
                              remove.run(() => api.costs.deleteCreditPrice({ id: p.id }), 'Price deleted')
                            }
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <AddPrice key={source.id} sourceId={source.id} currency={baseCurrency} />
              </>
            )}
          </div>
          <div>
            <h3>Commission</h3>
            <table className="data-table compact" aria-label="Commission rules">
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col" className="num">
                    Percent
                  </th>
                  <th scope="col" className="num">
                    Minimum fee
                  </th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {model.commissionRules.length === 0 && (
                  <tr>
                    <td colSpan={4} className="table-empty">
                      No commission.
                    </td>
                  </tr>
                )}
                {model.commissionRules.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDay(r.effectiveFrom)}</td>
                    <td className="num">{r.percent}%</td>
                    <td className="num">{r.minFeeMinor === null ? '—' : money(r.minFeeMinor, r.currency)}</td>
                    <td className="num">
                      <DeleteButton
                        label={`Delete commission from ${r.effectiveFrom}`}
                        onDelete={() =>
                          remove.run(() => api.costs.deleteCommission({ id: r.id }), 'Commission rule deleted')
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AddCommission key={source.id} sourceId={source.id} currency={baseCurrency} />
          </div>
        </div>
      )}
    </section>
  );
}

function CreditSettings({ source }: { source: Source }) {
  const [creditName, setCreditName] = useState(source.creditName ?? '');
  const [free, setFree] = useState(String(source.freeCreditsMonthly));
  const form = useFormErrors();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(free);
    if (!/^\d+$/.test(free.trim())) return form.setErrors({ freeCreditsMonthly: 'Whole numbers only' });
    void form.run(
      () => api.sources.update({ id: source.id, creditName: creditName.trim() || null, freeCreditsMonthly: n }),
      `${source.name} credits saved`,
    );
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Credit settings">
      <Field label="Credit name" error={form.errors.creditName} hint="Empty when the channel has none">
        <input type="text" value={creditName} onChange={(e) => setCreditName(e.target.value)} placeholder="Connects" />
      </Field>
      <Field label="Free each month" error={form.errors.freeCreditsMonthly}>
        <input type="text" inputMode="numeric" value={free} onChange={(e) => setFree(e.target.value)} />
      </Field>
      <button type="submit" disabled={form.busy}>
        Save
      </button>
      <FormError message={form.errors.form} />
    </form>
  );
}

function AddPrice({ sourceId, currency }: { sourceId: number; currency: string }) {
  const [effectiveFrom, setFrom] = useState(todayLocal());
  const [unitPrice, setPrice] = useState('');
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await form.run(() => api.costs.createCreditPrice({ sourceId, effectiveFrom, unitPrice, currency }), 'Price added')
    )
      setPrice('');
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Add a credit price">
      <Field label="From" error={form.errors.effectiveFrom}>
        <input type="date" value={effectiveFrom} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field label={`Price each (${currency})`} error={form.errors.unitPrice}>
        <input
          type="text"
          inputMode="decimal"
          value={unitPrice}
          onChange={(e) => setPrice(e.target.value)}
          placeholder="0.15"
        />
      </Field>
      <button type="submit" disabled={form.busy}>
        Add price
      </button>
      <FormError message={form.errors.form} />
    </form>
  );
}

function AddCommission({ sourceId, currency }: { sourceId: number; currency: string }) {
  const [effectiveFrom, setFrom] = useState(todayLocal());
  const [percent, setPercent] = useState('');
  const [minFee, setMinFee] = useState('');
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The API's percent field itself (at most two decimals, 0..100): the same words before any request.
    const checked = percentFromText(percent);
    if (!checked.ok) return form.setErrors({ percent: checked.message });
    const value = checked.value;
    if (
      await form.run(
        () =>
          api.costs.createCommission({
            sourceId,
            effectiveFrom,
            percent: value,
            minFee: minFee.trim() || null,
            currency,
          }),
        'Commission rule added',
      )
    ) {
      setPercent('');
      setMinFee('');
    }
  };
  return (
    <form className="cost-form" onSubmit={submit} noValidate aria-label="Add a commission rule">
      <Field label="From" error={form.errors.effectiveFrom}>
        <input type="date" value={effectiveFrom} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field label="Percent" error={form.errors.percent}>
        <input
          type="text"
          inputMode="decimal"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          placeholder="10"
        />
      </Field>
      <Field label={`Minimum fee (${currency})`} error={form.errors.minFee}>
        <input
          type="text"
          inputMode="decimal"
          value={minFee}
          onChange={(e) => setMinFee(e.target.value)}
          placeholder="optional"
        />
      </Field>
      <button type="submit" disabled={form.busy}>
        Add rule
      </button>
      <FormError message={form.errors.form} />
    </form>
  );
}
