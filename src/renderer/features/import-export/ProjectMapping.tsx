import { useState } from 'react';
import { api } from '../../api';
import type { TrackerProject } from '../../../shared/api/schemas/csv';
import { useSources } from '../../lib/useSources';
import './project-mapping.css';

type Choice = { sourceId: number | null; leadId: number | null; kind: 'sales' | 'delivery' };
export type ProjectMappingProps = {
  fileName: string;
  trackerLabel: string;
  projects: TrackerProject[];
  onSaved: () => void;
  onCancel: () => void;
  /** "Back" when every project was mapped already (the screen was reopened to change it). */
  cancelLabel?: string;
};

const hours = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')} h`;
const keyOf = (p: TrackerProject) => `${p.client}\u001f${p.project}`;

/**
 * A time tracker's projects, mapped once (docs/domain.md §6): each (client, project) pair to a
 * channel (required), a lead (offered when a lead's client is the tracker's client) and a kind
 * (delivery unless the user marks the project as sales). Saved for this and every later import.
 */
export function ProjectMapping({
  fileName,
  trackerLabel,
  projects,
  onSaved,
  onCancel,
  cancelLabel = 'Choose another file',
}: ProjectMappingProps) {
  const sources = useSources();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      projects.map((p) => [
        keyOf(p),
        {
          sourceId: p.mapping?.sourceId ?? null,
          leadId: p.mapping?.leadId ?? null,
          kind: p.mapping?.kind ?? 'delivery',
        },
      ]),
    ),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (p: TrackerProject, change: Partial<Choice>) =>
    setChoices({ ...choices, [keyOf(p)]: { ...choices[keyOf(p)]!, ...change } });
  const unmapped = projects.filter((p) => choices[keyOf(p)]?.sourceId === null).length;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.csv.saveProjects({
        projects: projects.map((p) => {
          const c = choices[keyOf(p)]!;
          return { client: p.client, project: p.project, sourceId: c.sourceId!, leadId: c.leadId, kind: c.kind };
        }),
      });
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel project-mapping" aria-label="Map projects">
      <h2>Which channel is each project’s time for?</h2>
      <p className="muted">
        {fileName} is a {trackerLabel}. Say once what each project is: LeadLedger remembers it for every later file from
        your tracker. Sales is finding the work (proposals, calls, portfolio); delivery is doing it. Billable amounts in
        the file are not revenue and are not read.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <colgroup>
            {['client', 'project', 'entries', 'time', 'channel', 'lead', 'kind'].map((c) => (
              <col key={c} className={`pm-${c}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th>Client</th>
              <th>Project</th>
              <th className="num">Entries</th>
              <th className="num">Time</th>
              <th>Channel *</th>
              <th>Lead</th>
              <th>Kind</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p, i) => {
              const c = choices[keyOf(p)]!;
              return (
                <tr key={keyOf(p)}>
                  <td>{p.client || <span className="muted">no client</span>}</td>
                  <td>{p.project || <span className="muted">no project</span>}</td>
                  <td className="num">{p.entries}</td>
                  <td className="num">{hours(p.minutes)}</td>
                  <td>
                    <select
                      aria-label={`Channel for ${p.project || 'no project'}`}
                      id={`project-source-${i}`}
                      value={c.sourceId ?? ''}
                      onChange={(e) =>
                        set(p, { sourceId: e.target.value === '' ? null : Number(e.target.value), leadId: null })
                      }
                    >
                      <option value="">Choose…</option>
                      {(sources.data ?? []).map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {p.leads.length === 0 ? (
                      <span className="muted">{p.client ? `no lead of ${p.client}` : '—'}</span>
                    ) : (
                      <select
                        aria-label={`Lead for ${p.project || 'no project'}`}
                        value={c.leadId ?? ''}
                        onChange={(e) => {
                          const lead = p.leads.find((l) => l.id === Number(e.target.value));
                          set(p, lead ? { leadId: lead.id, sourceId: lead.sourceId } : { leadId: null });
                        }}
                      >
                        <option value="">No lead (the channel only)</option>
                        {p.leads.map((l) => (
                          <option key={l.id} value={l.id}>
                            {l.title}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={`Kind for ${p.project || 'no project'}`}
                      value={c.kind}
                      onChange={(e) => set(p, { kind: e.target.value as Choice['kind'] })}
                    >
                      <option value="delivery">Delivery</option>
                      <option value="sales">Sales</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="page-actions">
        <button type="button" className="primary" disabled={unmapped > 0 || busy} onClick={save}>
          {unmapped > 0 ? `Choose a channel for ${unmapped} project${unmapped === 1 ? '' : 's'}` : 'Save and continue'}
        </button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </section>
  );
}
