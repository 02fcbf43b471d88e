import { useState } from 'react';
import type { ImportSummary } from '../../../shared/api/schemas/csv';
import { describeImported, describeRecord } from '../../../shared/api/reconcile-text';
import { plural } from '../../lib/format';
import './import-reconcile.css';

export type SameAsTicks = { ref: string; id: number }[];

export type ReconciledRecordsProps = {
  summary: ImportSummary;
  /** The user's ticks (preview only): each imported row ticked as the typed record it is. */
  ticks?: SameAsTicks;
  onTicks?: (ticks: SameAsTicks) => void;
};

/**
 * docs/domain.md §7 in the import's preview and summary: the imported records that are what the user
 * typed ("matched to what you entered"), and the possible duplicates with their candidates: unticked in
 * the preview (a tick says "the same"), listed after an import (imported as new).
 */
export function ReconciledRecords({ summary: s, ticks = [], onTicks }: ReconciledRecordsProps) {
  const ticked = (ref: string, id: number) => ticks.some((t) => t.ref === ref && t.id === id);
  const toggle = (ref: string, id: number, on: boolean) => {
    const others = ticks.filter((t) => t.ref !== ref && t.id !== id);
    onTicks?.(on ? [...others, { ref, id }] : others);
  };
  if (s.matched.length === 0 && s.possibleDuplicates.length === 0 && s.leadLinks === 0) return null;
  return (
    <div className="import-reconciled">
      {s.matched.length > 0 && (
        <>
          <h3>
            {s.applied ? 'Matched to what you entered' : 'Will match what you entered'}:{' '}
            {s.matched.length.toLocaleString()}
          </h3>
          <ul className="import-story" aria-label="Matched to what you entered">
            {s.matched.map((m) => (
              <li key={`${m.imported.ref}-${m.typed.id}`}>
                {describeImported(m.imported)} is <strong>{describeRecord(m.typed)}</strong>: counted once, keeping your
                link and notes
              </li>
            ))}
          </ul>
        </>
      )}
      {s.possibleDuplicates.length > 0 && (
        <>
          <h3>Possible duplicates: {s.possibleDuplicates.length.toLocaleString()}</h3>
          <p className="muted">
            {onTicks
              ? 'Each may be a record you entered. Tick the ones that are the same: they are counted once; the others are imported as new.'
              : 'Imported as new. If one is a record you entered, undo this import, check the file again and tick it.'}
          </p>
          <ul className="import-duplicates" aria-label="Possible duplicates">
            {s.possibleDuplicates.map((d) => (
              <li key={d.imported.ref}>
                <span>{describeImported(d.imported)}, possible duplicate of:</span>
                <ul>
                  {d.candidates.map((c) => (
                    <li key={c.id}>
                      {onTicks ? (
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={ticked(d.imported.ref, c.id)}
                            onChange={(e) => toggle(d.imported.ref, c.id, e.target.checked)}
                          />{' '}
                          the same as {describeRecord(c)}
                        </label>
                      ) : (
                        describeRecord(c)
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {s.leadLinks > 0 && (
        <p data-testid="lead-links">
          {plural(s.leadLinks, 'payment')} linked to {s.leadLinks === 1 ? 'its lead' : 'their leads'} by title or client
        </p>
      )}
    </div>
  );
}

/** Undo of an applied import (docs/domain.md §7): removes what it added, puts back what it took over. */
export function UndoImport({
  importId,
  onUndone,
  undo,
}: {
  importId: number;
  onUndone: (message: string) => void;
  undo: (id: number) => Promise<{ restored: number; removed: Record<string, number> }>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await undo(importId);
      const removed = Object.values(r.removed).reduce((a, b) => a + b, 0);
      onUndone(
        `Import undone: ${plural(removed, 'record')} removed${r.restored ? `, ${plural(r.restored, 'record')} you entered put back` : ''}`,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        Undo this import
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
