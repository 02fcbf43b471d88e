import { useState } from 'react';
import { rangePresetLabels, rangePresets, type RangePreset, presetRange } from '../../../shared/reports/presets';
import { api } from '../../api';
import { formatDay, todayLocal } from '../../lib/format';
import { ConnectsSummary } from '../connects/ConnectsSummary';
import type { PageProps } from '../../lib/useRoute';
import { useAsync } from '../../lib/useAsync';
import { useSources } from '../../lib/useSources';
import { BoostPanel } from './BoostPanel';
import { BeingSeenPanel } from './BeingSeenPanel';
import { ChannelTable } from './ChannelTable';
import { DrillDown } from './DrillDown';
import { LostReasonsPanel } from './LostReasonsPanel';
import { CostBreakdownChart, FunnelChart, MonthlyProfitChart } from './ReportCharts';
import { money } from '../../lib/reportFormat';
import { readReportQuery, type ReportQuery, writeReportQuery } from './reportQuery';
import './reports.css';
import { DataActions } from '../import-export/DataActions';
import { ProfitPerHourChart } from './ProfitPerHourChart';
import { AttributionSwitch } from './AttributionSwitch';
import { noteLink, splitWarnings } from './reportWarnings';

export function ReportsPage({ route }: PageProps) {
  const query = readReportQuery(route);
  const set = (patch: Partial<ReportQuery>) => writeReportQuery({ ...query, ...patch });
  const [selected, setSelected] = useState<string | null>(null);
  const validRange = !(query.from && query.to && query.to < query.from);
  const detail = useAsync(
    () =>
      validRange
        ? api.reports.detail({
            from: query.from,
            to: query.to,
            basis: query.basis,
            attribution: query.attribution ?? 'last',
          })
        : Promise.reject(new Error('The end date is before the start date')),
    [query.from, query.to, query.basis, query.attribution, validRange],
  );
  const sources = useSources(true);
  const creditSources = (sources.data ?? [])
    .filter((s) => s.creditName && !s.archived)
    .map((s) => ({ id: s.id, name: s.name }));
  // A failed run (e.g. a reversed custom range) must not leave the previous numbers on screen.
  const data = detail.error ? undefined : detail.data;
  const report = data?.report;
  const selectedSource = data?.sources.find((s) => s.source === selected);
  return (
    <div className="page reports-page">
      <header className="page-header">
        <div>
          <h1>Reports</h1>
          <p className="page-summary">
            {report ? (
              <>
                {formatDay(report.from)} – {formatDay(report.to)} · amounts in {report.currency}
              </>
            ) : (
              'Which channels pay?'
            )}
          </p>
        </div>
        <div className="page-actions">
          <RangeBar query={query} onChange={set} />
          <DataActions
            kind="report"
            range={
              report
                ? { from: report.from, to: report.to, basis: report.basis, attribution: query.attribution ?? 'last' }
                : undefined
            }
          />
        </div>
      </header>
      {detail.error && (
        <p className="form-error" role="alert">
          {detail.error.message}
        </p>
      )}
      {report && <ReportWarnings warnings={report.warnings} />}
      {report && (
        <>
          <div className="kpis" aria-label="Totals">
            <Kpi label="Revenue" value={money(report.totals.revenue, report.currency)} />
            <Kpi label="Fees" value={money(report.totals.fees, report.currency)} />
            <Kpi label="Costs" value={money(report.totals.costs, report.currency)} />
            <Kpi
              label="Profit"
              value={money(report.totals.profit, report.currency)}
              tone={report.totals.profit < 0 ? 'negative' : 'positive'}
            />
            <Kpi
              label="Wins"
              value={`${report.totals.wins.toLocaleString()} of ${report.totals.leads.toLocaleString()} leads`}
            />
          </div>
          <ChannelTable
            report={report}
            sort={query.sort}
            dir={query.dir}
            onSort={(key) => set({ sort: key, dir: query.sort === key && query.dir === 'desc' ? 'asc' : 'desc' })}
            selected={selected}
            onSelect={(source) => setSelected(source === selected ? null : source)}
          />
          {selected && (
            <DrillDown
              key={selected}
              source={selected}
              sourceId={selectedSource?.sourceId ?? null}
              from={report.from}
              to={report.to}
              onClose={() => setSelected(null)}
            />
          )}
          <div className="chart-grid">
            <MonthlyProfitChart detail={data} />
            <ProfitPerHourChart detail={data} />
            <FunnelChart detail={data} />
            <CostBreakdownChart detail={data} />
            <BoostPanel creditSources={creditSources} from={report.from} to={report.to} />
            <LostReasonsPanel from={report.from} to={report.to} />
          </div>
          <BeingSeenPanel from={report.from} to={report.to} />
          {/* The ledger at the range's end (today at the latest): the balance the report's costs come from. */}
          <ConnectsSummary
            on={report.to < todayLocal() ? report.to : undefined}
            title={report.to < todayLocal() ? `Connects balance on ${formatDay(report.to)}` : 'Connects balance today'}
          />
        </>
      )}
    </div>
  );
}

function ReportWarnings({ warnings }: { warnings: readonly string[] }) {
  const { missingRates, notes } = splitWarnings(warnings);
  const links = [...new Map(notes.flatMap((n) => (noteLink(n) ? [[noteLink(n)!.href, noteLink(n)!]] : []))).values()];
  if (warnings.length === 0) return null;
  return (
    <div className="report-notes">
      {missingRates.length > 0 && (
        <div className="report-warnings" role="status">
          <strong>Some amounts are left out of these numbers:</strong>
          <ul>
            {missingRates.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <a href="#/settings">Add exchange rates in Settings</a>
        </div>
      )}
      {notes.length > 0 && (
        <div className="report-warnings" role="status">
          <strong>Worth knowing about these numbers:</strong>
          <ul>
            {notes.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {links.map((l) => (
            <a key={l.href} href={l.href}>
              {l.label}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}

function Kpi({ label, value, tone }: { label: string; value: string; tone?: 'negative' | 'positive' }) {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className={`kpi-value ${tone ?? ''}`}>{value}</span>
    </div>
  );
}

function RangeBar({ query, onChange }: { query: ReportQuery; onChange: (patch: Partial<ReportQuery>) => void }) {
  const choosePreset = (preset: RangePreset) => {
    if (preset === 'custom') {
      // Start the custom range from what is shown now.
      const shown = query.preset === 'custom' ? query : { ...presetRange(query.preset, new Date()) };
      onChange({ preset, from: shown.from, to: shown.to });
    } else onChange({ preset });
  };
  const badRange = Boolean(query.from && query.to && query.to < query.from);
  return (
    <div className="page-actions range-bar">
      <label className="filter">
        Period
        <select value={query.preset} onChange={(e) => choosePreset(e.target.value as RangePreset)} aria-label="Period">
          {rangePresets.map((p) => (
            <option key={p} value={p}>
              {rangePresetLabels[p]}
            </option>
          ))}
        </select>
      </label>
      {query.preset === 'custom' && (
        <>
          <label className="filter">
            From
            <input
              type="date"
              value={query.from ?? ''}
              onChange={(e) => onChange({ from: e.target.value || null })}
              aria-label="From"
            />
          </label>
          <label className="filter">
            To
            <input
              type="date"
              value={query.to ?? ''}
              onChange={(e) => onChange({ to: e.target.value || null })}
              aria-label="To"
              aria-invalid={badRange || undefined}
            />
          </label>
        </>
      )}
      <div className="segmented" role="radiogroup" aria-label="Basis">
        {(['usage', 'cash'] as const).map((basis) => (
          <button
            key={basis}
            type="button"
            role="radio"
            aria-checked={query.basis === basis}
            className={query.basis === basis ? 'active' : ''}
            onClick={() => onChange({ basis })}
            title={
              basis === 'usage'
                ? 'Connects valued when spent on proposals; purchases left out'
                : 'What was paid in the range, connects purchases included'
            }
          >
            {basis === 'usage' ? 'Usage' : 'Cash'}
          </button>
        ))}
      </div>
      <AttributionSwitch value={query.attribution ?? 'last'} onChange={(attribution) => onChange({ attribution })} />
    </div>
  );
}
