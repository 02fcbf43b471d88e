import { useState } from 'react';
import type { ConnectsLedger } from '../../../shared/api/schemas/connects';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { DeleteButton } from '../costs/DeleteButton';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { LedgerChart } from './LedgerChart';
import { AdjustDialog, BuyDialog, OpeningDialog } from './LedgerDialogs';
import { useSources } from '../../lib/useSources';
import { MatchUpwork } from './MatchUpwork';
import { useShortfall } from '../costs/useShortfall';
import './connects.css';
import '../reports/reports.css';

/** The credits ledger of docs/domain.md §5, one channel at a time (Upwork Connects first). */
export function ConnectsPage() {
  const ledger = useAsync(() => api.connects.ledger({}), []);
  const [chosen, setChosen] = useState<number | null>(null);
  const channels = ledger.data?.channels ?? [];
  const current = channels.find((c) => c.sourceId === chosen) ?? channels[0];
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Connects</h1>
          <p className="page-summary">
            Bidding credits in and out, oldest first; they expire 365 days after they came in.
          </p>
        </div>
        {channels.length > 1 && (
          <div className="ledger-tabs" role="radiogroup" aria-label="Channel">
            {channels.map((c) => (
              <button
                key={c.sourceId}
                type="button"
                role="radio"
                aria-checked={c === current}
                className={c === current ? 'primary' : ''}
                onClick={() => setChosen(c.sourceId)}
              >
                {c.source}
              </button>
            ))}
          </div>
        )}
      </header>
      {ledger.error && (
        <p className="form-error" role="alert">
          {ledger.error.message}
        </p>
      )}
      {ledger.data && !current && (
        <p className="panel muted">
          No channel has bidding credits. Give a channel a credit name on the Channels page.
        </p>
      )}
      {current && <ChannelLedger key={current.sourceId} ledger={current} />}
    </div>
  );
}

function ChannelLedger({ ledger }: { ledger: ConnectsLedger }) {
  const [dialog, setDialog] = useState<'opening' | 'adjust' | 'buy' | null>(null);
  const sources = useSources(true);
  const priceMinor = sources.data?.find((s) => s.id === ledger.sourceId)?.creditPriceMinor ?? null;
  const remove = useFormErrors();
  const removal = useShortfall(remove);
  const opening = ledger.entries.find((e) => e.kind === 'opening');
  const props = {
    sourceId: ledger.sourceId,
    source: ledger.source,
    creditName: ledger.creditName,
    onClose: () => setDialog(null),
  };
  const n = (v: number) => v.toLocaleString();
  return (
    <>
      {ledger.startAssumed && (
        <p className="ledger-notice" role="status">
          {ledger.start ? (
            <>
              Assumed start {formatDay(ledger.start)}; enter your opening balance so the balance can match{' '}
              {ledger.source}.
            </>
          ) : (
            <>Nothing recorded yet; enter your opening balance.</>
          )}
        </p>
      )}
      <div className="kpis ledger-kpis" aria-label={`${ledger.creditName} totals`}>
        <Kpi label="Balance" value={n(ledger.balance)} />
        <Kpi label="Expiring in 30 days" value={n(ledger.expiringIn30Days)} />
        <Kpi label="Spent" value={n(ledger.spent)} />
        <Kpi label="Bought" value={n(ledger.bought)} />
        <Kpi label="Allowance" value={n(ledger.allowance)} />
        <Kpi label="Expired" value={n(ledger.expired)} />
        <Kpi label="Uncovered" value={n(ledger.uncovered)} tone={ledger.uncovered > 0 ? 'negative' : undefined} />
      </div>
      {ledger.warnings
        .filter((w) => !w.includes('assumed start'))
        .map((w) => (
          <p key={w} className="report-warning">
            {w}
          </p>
        ))}
      <section className="panel" aria-label="Reconcile">
        <div className="page-actions">
          <button type="button" className="primary" onClick={() => setDialog('opening')}>
            Set opening balance
          </button>
          <button type="button" onClick={() => setDialog('buy')}>
            Buy {ledger.creditName}
          </button>
          <button type="button" onClick={() => setDialog('adjust')}>
            Adjust
          </button>
          <MatchUpwork
            sourceId={ledger.sourceId}
            source={ledger.source}
            creditName={ledger.creditName}
            balance={ledger.balance}
          />
        </div>
        <p className="muted small">
          Start {ledger.start ? formatDay(ledger.start) : '—'}
          {opening ? ` with ${n(opening.count)} ${ledger.creditName}` : ''} · opening, allowance, purchases and positive
          adjustments come in; spends and negative adjustments go out, oldest credits first.
        </p>
      </section>
      <div className="ledger-grid">
        <section className="panel" aria-labelledby="ledger-months-title">
          <h2 id="ledger-months-title">Month by month</h2>
          <table className="data-table compact" aria-label="Month by month">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  In
                </th>
                <th scope="col" className="num">
                  Out
                </th>
                <th scope="col" className="num">
                  Expired
                </th>
                <th scope="col" className="num">
                  Balance
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.months.length === 0 && (
                <tr>
                  <td colSpan={5} className="table-empty">
                    Nothing recorded yet.
                  </td>
                </tr>
              )}
              {[...ledger.months].reverse().map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td className="num">{n(m.in)}</td>
                  <td className="num">{n(m.out)}</td>
                  <td className="num">{n(m.expired)}</td>
                  <td className="num">
                    <strong>{n(m.balance)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div className="page">
          <LedgerChart months={ledger.months} creditName={ledger.creditName} />
          <section className="panel" aria-labelledby="ledger-entries-title">
            <h2 id="ledger-entries-title">Opening balance and adjustments</h2>
            <FormError message={remove.errors.form} />
            {removal.prompt}
            {ledger.entries.length === 0 ? (
              <p className="muted">None yet.</p>
            ) : (
              <table className="data-table compact" aria-label="Ledger entries">
                <tbody>
                  {ledger.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDay(e.on)}</td>
                      <td>{e.kind === 'opening' ? 'Opening balance' : e.note}</td>
                      <td className="num">
                        {e.kind === 'adjustment' && e.count > 0 ? '+' : ''}
                        {n(e.count)}
                      </td>
                      <td className="num">
                        <DeleteButton
                          label={`Delete ${e.kind === 'opening' ? 'the opening balance' : `the adjustment of ${formatDay(e.on)}`}`}
                          onDelete={() =>
                            removal.run(
                              (confirm) =>
                                api.connects.deleteEntry({ id: e.id, ...(confirm ? { confirmShortfall: true } : {}) }),
                              'Deleted',
                            )
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
      {dialog === 'opening' && (
        <OpeningDialog {...props} current={opening ? { count: opening.count, on: opening.on } : null} />
      )}
      {dialog === 'adjust' && <AdjustDialog {...props} />}
      {dialog === 'buy' && <BuyDialog {...props} priceMinor={priceMinor} />}
    </>
  );
}

function Kpi({ label, value, tone }: { label: string; value: string; tone?: 'negative' | undefined }) {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className={`kpi-value ${tone ?? ''}`}>{value}</span>
    </div>
  );
}
