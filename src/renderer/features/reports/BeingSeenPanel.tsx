import { useState } from 'react';
import type { FunnelChannel, FunnelLevel } from '../../../shared/api/schemas/visibility';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { BeingSeenChart } from './BeingSeenChart';
import {
  type FactorKey,
  factorKeys,
  factorTitles,
  intervalText,
  levelWords,
  type Measure,
  rateText,
} from './beingSeenFormat';
import { BidPlanner } from './BidPlanner';
import { type ProposalsPick, ProposalsBehind } from './ProposalsBehind';
import { money } from '../../lib/reportFormat';
import './being-seen.css';

// docs/domain.md §8: does being early, bidding where few have, boosting or being invited get a
// proposal seen? The answer sentences first, then the funnel, the chart and the tables behind them.

type Props = { from: string | null; to: string | null };

export function BeingSeenPanel({ from, to }: Props) {
  const funnel = useAsync(() => api.visibility.funnel({ from, to }), [from, to]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pick, setPick] = useState<ProposalsPick | null>(null);
  const view = funnel.data;
  const channel = view?.channels.find((c) => c.source === chosen) ?? view?.channels[0];
  const sourceId = view?.sources.find((s) => s.source === channel?.source)?.sourceId;
  const open = (measure: Measure, factor?: FactorKey, level?: string) =>
    channel && sourceId && setPick({ sourceId, source: channel.source, measure, ...(factor ? { factor, level } : {}) });
  return (
    <section className="panel being-seen" aria-labelledby="being-seen-title">
      <div className="chart-head">
        <div>
          <h2 id="being-seen-title">Being seen</h2>
          <p className="muted small">
            Which bids clients open: by how fast you bid, how many proposals the job had, boosts and invitations.
            Proposals applied in the report's period.
          </p>
        </div>
        {view && view.channels.length > 1 && (
          <label className="filter">
            Channel
            <select
              value={channel?.source ?? ''}
              onChange={(e) => {
                setChosen(e.target.value);
                setPick(null);
              }}
              aria-label="Being seen channel"
            >
              {view.channels.map((c) => (
                <option key={c.source} value={c.source}>
                  {c.source}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {funnel.error && <p className="form-error">{funnel.error.message}</p>}
      {view && !channel && (
        <p className="muted">No proposals in this period: give your leads an applied date to see them here.</p>
      )}
      {view && channel && (
        <>
          <Answers channel={channel} />
          <FunnelSteps channel={channel} currency={view.currency} onOpen={(m) => open(m)} />
          {pick && (
            <ProposalsBehind key={JSON.stringify(pick)} pick={pick} from={from} to={to} onClose={() => setPick(null)} />
          )}
          <div className="being-seen-charts">
            <BeingSeenChart title="View and win rate by how fast you bid" levels={channel.factors.speed} />
            <BeingSeenChart
              title="View and win rate by proposals already on the job"
              levels={channel.factors.competition}
            />
          </div>
          <div className="being-seen-tables">
            {factorKeys.map((f) => (
              <FactorTable
                key={f}
                factor={f}
                levels={channel.factors[f]}
                currency={view.currency}
                onOpen={(m, level) => open(m, f, level)}
              />
            ))}
          </div>
        </>
      )}
      <BidPlanner from={from} to={to} />
    </section>
  );
}

/** The findings in plain words; "no difference you can tell yet" for the other factors. */
function Answers({ channel }: { channel: FunnelChannel }) {
  const found = new Set(channel.findings.map((f) => f.factor));
  const quiet = factorKeys.filter((f) => !found.has(f));
  const n = channel.funnel.proposals.toLocaleString();
  return (
    <div className="being-seen-answers" data-testid="being-seen-answers">
      {channel.findings.map((f) => (
        <p key={f.factor} className="answer">
          <strong>{f.text}.</strong>
        </p>
      ))}
      {quiet.length > 0 && (
        <p className="muted">
          {channel.findings.length === 0
            ? 'Speed, competition, boosts, invitations'
            : quiet.map((f) => factorTitles[f].toLowerCase()).join(', ')}
          : no difference you can tell yet from {n} proposals.
        </p>
      )}
    </div>
  );
}

const steps: [Measure, string][] = [
  ['proposals', 'Sent'],
  ['viewed', 'Viewed'],
  ['replied', 'Replied'],
  ['interviews', 'Interviews'],
  ['wins', 'Won'],
];

function FunnelSteps({
  channel,
  currency,
  onOpen,
}: {
  channel: FunnelChannel;
  currency: string;
  onOpen: (m: Measure) => void;
}) {
  const f = channel.funnel;
  const rateOf: Partial<Record<Measure, FunnelLevel['viewRate']>> = {
    viewed: f.viewRate,
    replied: f.replyRate,
    wins: f.winRate,
  };
  const costOf: Partial<Record<Measure, number | null>> = {
    viewed: f.costPerView,
    replied: f.costPerReply,
    wins: f.costPerWin,
  };
  return (
    <ol className="funnel-steps" aria-label={`Funnel of ${channel.source}`}>
      {steps.map(([m, label]) => (
        <li key={m}>
          <span className="muted small">{label}</span>
          <button
            type="button"
            className="count-link"
            onClick={() => onOpen(m)}
            title={`Show the ${label.toLowerCase()} proposals`}
          >
            {f[m].toLocaleString()}
          </button>
          {rateOf[m] !== undefined && (
            <span className="small" title={intervalText(rateOf[m]!)}>
              {rateText(rateOf[m]!)}{' '}
              <span className="muted">
                {rateOf[m] ? `(${Math.round(rateOf[m]!.low * 100)}–${Math.round(rateOf[m]!.high * 100)})` : ''}
              </span>
            </span>
          )}
          {costOf[m] !== undefined && costOf[m] !== null && (
            <span className="muted small">{money(costOf[m]!, currency)} each</span>
          )}
        </li>
      ))}
    </ol>
  );
}

function FactorTable({
  factor,
  levels,
  currency,
  onOpen,
}: {
  factor: FactorKey;
  levels: FunnelLevel[];
  currency: string;
  onOpen: (m: Measure, level: string) => void;
}) {
  const cell = (l: FunnelLevel, m: Measure) => (
    <button
      type="button"
      className="count-link"
      onClick={() => onOpen(m, l.level)}
      disabled={l[m] === 0}
      aria-label={`${l[m]} ${m}, ${l.level}`}
    >
      {l[m].toLocaleString()}
    </button>
  );
  return (
    <table className="data-table compact factor-table" aria-label={factorTitles[factor]}>
      <caption>{factorTitles[factor]}</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col" className="num">
            Sent
          </th>
          <th scope="col" className="num">
            Viewed
          </th>
          <th scope="col" className="num">
            Replied
          </th>
          <th scope="col" className="num">
            Won
          </th>
          <th scope="col" className="num">
            Per view
          </th>
        </tr>
      </thead>
      <tbody>
        {levels.map((l) => (
          <tr key={l.level} className={l.proposals === 0 ? 'muted' : undefined}>
            <th scope="row" title={levelWords[l.level]}>
              {l.level}
            </th>
            <td className="num">{cell(l, 'proposals')}</td>
            <td className="num" title={intervalText(l.viewRate)}>
              {cell(l, 'viewed')} <span className="muted">{rateText(l.viewRate)}</span>
            </td>
            <td className="num" title={intervalText(l.replyRate)}>
              {cell(l, 'replied')} <span className="muted">{rateText(l.replyRate)}</span>
            </td>
            <td className="num" title={intervalText(l.winRate)}>
              {cell(l, 'wins')} <span className="muted">{rateText(l.winRate)}</span>
            </td>
            <td className="num">{money(l.costPerView, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
