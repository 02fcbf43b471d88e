import { useState } from 'react';
import type { PlanView } from '../../../shared/api/schemas/visibility';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSources } from '../../lib/useSources';
import { money } from '../../lib/reportFormat';

// docs/domain.md §8 "Bid planner": what if I send N proposals a month, B of them boosted at K, F
// within the first hour. Every figure with its 80% interval; the same numbers as `leadledger plan`.

type Estimate = NonNullable<PlanView['month']['wins']>;
type History = 'recent' | 'report';

const whole = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text) : null);

function Field({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}) {
  const bad = value.trim() !== '' && whole(value) === null;
  return (
    <label className="filter planner-field">
      {label}
      <input
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={bad || undefined}
        placeholder={hint}
        size={6}
      />
    </label>
  );
}

export function BidPlanner({ from, to }: { from: string | null; to: string | null }) {
  const sources = useSources(false);
  const credit = (sources.data ?? []).filter((s) => s.creditName);
  const [chosen, setChosen] = useState<number | null>(null);
  const sourceId = chosen ?? credit[0]?.id ?? null;
  const [n, setN] = useState('40');
  const [b, setB] = useState('10');
  const [k, setK] = useState('12');
  const [f, setF] = useState('');
  const [history, setHistory] = useState<History>('recent');
  const input = {
    proposals: whole(n),
    boosted: whole(b) ?? 0,
    boost: whole(k) ?? 0,
    fast: f.trim() === '' ? null : whole(f),
  };
  const valid =
    input.proposals !== null &&
    (f.trim() === '' || input.fast !== null) &&
    (b.trim() === '' || whole(b) !== null) &&
    (k.trim() === '' || whole(k) !== null);
  const range = history === 'report' ? { from, to } : {};
  const plan = useAsync(
    () =>
      sourceId && valid
        ? api.visibility.plan({ sourceId, ...input, proposals: input.proposals!, ...range })
        : Promise.resolve(null),
    [sourceId, n, b, k, f, history, from, to],
  );
  const p = plan.error ? null : plan.data;
  return (
    <section className="bid-planner" aria-labelledby="planner-title">
      <h3 id="planner-title">Plan next month's bids</h3>
      <div className="planner-inputs">
        {credit.length > 1 && (
          <label className="filter">
            Channel
            <select
              value={sourceId ?? ''}
              onChange={(e) => setChosen(Number(e.target.value))}
              aria-label="Planner channel"
            >
              {credit.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <Field label="Proposals a month" value={n} onChange={setN} />
        <Field label="Boosted" value={b} onChange={setB} />
        <Field label={`Boost bid (${p?.creditName ?? 'Connects'})`} value={k} onChange={setK} />
        <Field label="Within the first hour" value={f} onChange={setF} hint="optional" />
        <label className="filter">
          History
          <select value={history} onChange={(e) => setHistory(e.target.value as History)} aria-label="Planner history">
            <option value="recent">Last 180 days</option>
            <option value="report">The report's period</option>
          </select>
        </label>
      </div>
      {!sourceId && <p className="muted">No channel with bidding credits.</p>}
      {!valid && <p className="form-error">Whole numbers only.</p>}
      {plan.error && (
        <p className="form-error" role="alert">
          {plan.error.message}
        </p>
      )}
      {p && <PlanResult plan={p} />}
    </section>
  );
}

function PlanResult({ plan }: { plan: PlanView }) {
  const m = plan.month;
  const c = (x: number) => money(x, plan.currency);
  const credits = plan.creditName ?? 'Connects';
  const basis = `From ${plan.history.proposals.toLocaleString()} proposals applied ${formatDay(plan.history.from)} – ${formatDay(plan.history.to)}.`;
  if (plan.notEnoughHistory) {
    return (
      <p className="planner-thin" data-testid="planner-thin">
        <strong>Not enough history yet.</strong> {basis} The planner needs at least 5 proposals with an applied date;
        record a few more bids first.
      </p>
    );
  }
  const rows: [string, string, string][] = [
    ['Wins', num(m.wins!, (x) => x.toFixed(1)), interval(m.wins!, (x) => x.toFixed(1))],
    ['Revenue', c(m.revenue!.expected), interval(m.revenue!, c)],
    [`${credits} cost`, c(m.connectsCost!), `${m.connectsNeeded!.toFixed(0)} ${credits}`],
    ['Profit', c(m.profit!.expected), interval(m.profit!, c)],
    ['Sales hours', m.salesHours!.toFixed(1), m.salesHours === 0 ? 'no sales time logged on these proposals' : ''],
    [
      'Profit per hour',
      m.profitPerHour ? c(m.profitPerHour.expected) : '—',
      m.profitPerHour ? interval(m.profitPerHour, c) : 'needs sales time logged',
    ],
  ];
  return (
    <div className="planner-result" data-testid="planner-result">
      <p className="planner-buy">
        Buy{' '}
        <strong>
          {m.connectsToBuy!.toLocaleString()} {credits}
        </strong>
        <span className="muted small">
          {' '}
          (needs {m.connectsNeeded!.toFixed(0)}, less today's balance and next month's free ones; bundles of 10)
        </span>
      </p>
      <table className="data-table compact" aria-label="The month planned">
        <thead>
          <tr>
            <th scope="col">Next month</th>
            <th scope="col" className="num">
              Expected
            </th>
            <th scope="col">80% of the time between</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, range]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value}</td>
              <td className="muted">{range}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{basis}</p>
    </div>
  );
}

const num = (e: Estimate, f: (x: number) => string) => f(e.expected);
const interval = (e: Estimate, f: (x: number) => string) => `${f(e.low)} and ${f(e.high)}`;
