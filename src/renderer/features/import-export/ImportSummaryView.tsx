import { useState } from 'react';
import type { ImportSummary } from '../../../shared/api/schemas/csv';
import { plural } from '../../lib/format';
import { UnknownTypes } from './UnknownTypes';
import { ChannelTypos } from './ChannelTypos';
import { describePayerLinks } from '../../../shared/csv/payer-links';
import { describeImportedMatch } from '../../../shared/reports/plan-matching';
import { api } from '../../api';
import { ReconciledRecords, type SameAsTicks, UndoImport } from './ReconciledRecords';

export type ImportSummaryViewProps = {
  summary: ImportSummary;
  onSkipInvalid?: (() => void) | undefined;
  /** Apply the checked import, with the possible duplicates the user ticked as the same (docs/domain.md §7). */
  onApply?: ((sameAs: SameAsTicks) => void) | undefined;
  /** Unknown types were decided: run the same import (or check) again. */
  onDecided?: (() => void) | undefined;
  onAnother: () => void;
};

/** "3 payments", "2 fees", "1 expense (connects)" …: what the rows became, then why others did not. */
function story(s: ImportSummary): string[] {
  const c = s.counts;
  const out: string[] = [];
  if (c.leads) out.push(plural(c.leads, 'lead'));
  if (c.payments) out.push(plural(c.payments, 'payment'));
  if (c.time) out.push(plural(c.time, 'time entry', 'time entries'));
  if (c.fees)
    out.push(
      `${plural(c.fees, 'platform fee')}${s.merged ? ` (${s.merged.toLocaleString()} joined to their payment)` : ''}`,
    );
  for (const [category, n] of Object.entries(c.expenses)) out.push(`${plural(n, 'expense')} (${category})`);
  if (c.transfers)
    out.push(`${plural(c.transfers, 'transfer')} (money between your own accounts: neither revenue nor cost)`);
  for (const [reason, n] of Object.entries(c.skipped)) out.push(`${plural(n, 'row')} skipped: ${reason}`);
  for (const [reason, r] of Object.entries(c.invalid))
    out.push(
      `${plural(r.count, 'row')} invalid: ${reason} (line${r.lines.length === 1 ? '' : 's'} ${r.lines.join(', ')}${r.count > r.lines.length ? ', …' : ''})`,
    );
  return out;
}

/** What an import did (or would do), with links to what was added and the rows that were refused. */
export function ImportSummaryView({
  summary: s,
  onSkipInvalid,
  onApply,
  onDecided,
  onAnother,
}: ImportSummaryViewProps) {
  const refused = !s.applied && !s.dryRun;
  const [ticks, setTicks] = useState<SameAsTicks>([]);
  const [undone, setUndone] = useState<string | null>(null);
  const title = s.applied
    ? 'Import finished'
    : s.dryRun
      ? 'Check finished: nothing was written'
      : 'Nothing was imported';
  return (
    <section className="panel import-summary" aria-label="Import summary">
      <h2>{title}</h2>
      <p>
        {s.fileName} · {s.formatLabel} · {plural(s.rows, 'row')}
      </p>
      {s.recognisedBy.length > 0 && (
        <p className="muted">
          Recognised by the columns {s.recognisedBy.join(', ')} · read as {s.readAs.join(', ')}
        </p>
      )}
      <dl className="import-counts">
        {(
          [
            ['inserted', s.applied ? 'Inserted' : 'To insert', s.inserted],
            ['updated', s.applied ? 'Updated' : 'To update', s.updated],
            ['unchanged', 'Unchanged', s.unchanged],
            ['skipped', 'Skipped', s.skipped],
            ['transfers', 'Transfers', s.transfers],
            ['merged', 'Fees joined', s.merged],
            ['matched', 'Matched to what you entered', s.matched.length],
            ['duplicates', 'Possible duplicates', s.possibleDuplicates.length],
            ['invalid', 'Invalid', s.invalidCount],
          ] as const
        )
          .filter(([key, , n]) => n > 0 || key === 'inserted' || key === 'updated' || key === 'unchanged')
          .map(([key, label, n]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-testid={`count-${key}`}>{n.toLocaleString()}</dd>
            </div>
          ))}
      </dl>
      {story(s).length > 0 && (
        <ul className="import-story" aria-label="What the rows became">
          {story(s).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {s.unknownTypes.length > 0 && onDecided && <UnknownTypes types={s.unknownTypes} onDecided={onDecided} />}
      {s.subscriptionMatches.length > 0 && (
        <ul className="import-story" aria-label="Plan charges matched">
          {s.subscriptionMatches.map((m) => (
            <li key={`${m.source}-${m.plan}-${m.chargeOn}`}>{describeImportedMatch(m)}</li>
          ))}
        </ul>
      )}
      <ReconciledRecords summary={s} {...(s.dryRun && onApply ? { ticks, onTicks: setTicks } : {})} />
      {describePayerLinks(s.payerLinks) && (
        <p data-testid="payer-links">
          {describePayerLinks(s.payerLinks)} (<a href="#/to-assign">To assign</a>)
        </p>
      )}
      {s.createdSources.length > 0 && <p>New channels: {s.createdSources.join(', ')}</p>}
      <ChannelTypos created={s.createdSources} applied={s.applied} />
      {s.warnings.map((w) => (
        <p key={w} className="muted">
          {w}
        </p>
      ))}
      {s.applied && s.importId !== null && (
        <p className="import-links">
          {s.kinds.leads > 0 && (
            <a href={`#/leads?import=${s.importId}`}>See the {plural(s.kinds.leads, 'new lead')}</a>
          )}
          {s.kinds.payments > 0 && <a href="#/costs">See {plural(s.kinds.payments, 'new payment')}</a>}
          {s.kinds.expenses > 0 && <a href="#/costs">See {plural(s.kinds.expenses, 'new expense')}</a>}
          {s.kinds.time > 0 && (
            <a href="#/reports">
              See the hours of {plural(s.kinds.time, 'new time entry', 'new time entries')} in Reports
            </a>
          )}
        </p>
      )}
      {s.invalidCount > 0 && (
        <div className="import-invalid">
          <h3>
            {refused
              ? `${plural(s.invalidCount, 'invalid row')}: fix the file, or import the valid rows`
              : plural(s.invalidCount, 'invalid row')}
          </h3>
          <ul>
            {s.invalid.map((r) => (
              <li key={`${r.line}-${r.message}`}>
                <strong>Line {r.line}</strong>: {r.message}
              </li>
            ))}
            {s.invalidCount > s.invalid.length && (
              <li>… and {(s.invalidCount - s.invalid.length).toLocaleString()} more</li>
            )}
          </ul>
        </div>
      )}
      <div className="page-actions">
        {refused && onSkipInvalid && (
          <button type="button" className="primary" onClick={onSkipInvalid}>
            Import the valid rows, skip {plural(s.invalidCount, 'invalid row')}
          </button>
        )}
        {s.dryRun && s.invalidCount === 0 && onApply && (
          <button type="button" className="primary" onClick={() => onApply(ticks)}>
            Import now
          </button>
        )}
        {s.applied && s.importId !== null && !undone && (
          <UndoImport importId={s.importId} undo={(id) => api.imports.undo({ id })} onUndone={setUndone} />
        )}
        <button type="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
      {undone && (
        <p role="status" data-testid="import-undone">
          {undone}
        </p>
      )}
    </section>
  );
}
