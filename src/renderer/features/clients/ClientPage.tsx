import { type FormEvent, useState } from 'react';
import type { ClientDetail } from '../../../shared/api/schemas/clients';
import type { Stage } from '../../../shared/domain/stages';
import { api } from '../../api';
import { formatDay, formatValue } from '../../lib/format';
import type { PageProps } from '../../lib/useRoute';
import { useAsync } from '../../lib/useAsync';
import { navigate } from '../../lib/useRoute';
import { StageBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { money } from '../../lib/reportFormat';
import { useSources } from '../../lib/useSources';
import { applyClientWrite } from './clientWrites';
import './clients.css';

/** One client: lifetime revenue and its channels, its leads, first source, e-mails, merge (docs/domain.md §6.3). */
export function ClientPage({ route }: PageProps) {
  const id = Number(route.param);
  const detail = useAsync(() => api.clients.get({ id }), [id], { apply: applyClientWrite });
  if (detail.error) {
    return (
      <div className="page">
        <p className="form-error" role="alert">
          {detail.error.message}
        </p>
        <a href="#/clients">← Clients</a>
      </div>
    );
  }
  if (!detail.data) return <div className="page" aria-busy="true" />;
  const { client, leads, channels, warnings } = detail.data;
  return (
    <div className="page client-page">
      <header className="page-header">
        <div>
          <a href="#/clients" className="back-link">
            ← Clients
          </a>
          <h1>{client.name}</h1>
          <p className="page-summary">
            Lifetime revenue <strong data-testid="client-revenue">{money(client.revenue, client.currency)}</strong> ·{' '}
            {client.leads} lead{client.leads === 1 ? '' : 's'}, {client.wins} won
            {client.repeat ? ' · repeat client' : ''} · first contact {formatDay(client.firstContact)}, last{' '}
            {formatDay(client.lastContact)}
          </p>
        </div>
      </header>
      {warnings.map((w) => (
        <p key={w} className="muted" role="status">
          {w}
        </p>
      ))}
      <div className="client-grid">
        <ClientSettings detail={detail.data} />
        <section className="panel" aria-labelledby="client-channels">
          <h2 id="client-channels">Channels</h2>
          <table className="data-table client-channels" aria-label="Client channels">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col" className="num">
                  Leads
                </th>
                <th scope="col" className="num">
                  Won
                </th>
                <th scope="col" className="num">
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.sourceId}>
                  <td>
                    {c.source}
                    {c.sourceId === client.firstSourceId && <span className="tag">first source</span>}
                  </td>
                  <td className="num">{c.leads}</td>
                  <td className="num">{c.wins}</td>
                  <td className="num">{money(c.revenue, client.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="panel" aria-labelledby="client-leads">
        <h2 id="client-leads">Leads</h2>
        <table className="data-table" aria-label="Client leads">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Channel</th>
              <th scope="col">Stage</th>
              <th scope="col">Created</th>
              <th scope="col" className="num">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {leads.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`#/lead/${l.id}`}>{l.title}</a>
                </td>
                <td>{l.source}</td>
                <td>
                  <StageBadge stage={l.stage as Stage} />
                </td>
                <td>{formatDay(l.createdOn)}</td>
                <td className="num">{formatValue(l.valueMinor, l.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <MergeClient detail={detail.data} />
    </div>
  );
}

function ClientSettings({ detail }: { detail: ClientDetail }) {
  const { client } = detail;
  const toast = useToast();
  const sources = useSources(true);
  const [name, setName] = useState(client.name);
  const [emails, setEmails] = useState(client.emails.join(', '));
  const [firstSource, setFirstSource] = useState<string>(
    client.firstSourceIsDefault ? '' : String(client.firstSourceId ?? ''),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      // The page's header shows the saved client at once (clientWrites.ts); the form shows it as stored.
      const saved = await api.clients.update({
        id: client.id,
        name,
        emails: emails.split(/[,;\s]+/).filter(Boolean),
        firstSourceId: firstSource === '' ? null : Number(firstSource),
      });
      setName(saved.name);
      setEmails(saved.emails.join(', '));
      setFirstSource(saved.firstSourceIsDefault ? '' : String(saved.firstSourceId ?? ''));
      setErrors({});
      toast.info('Client saved');
    } catch (e) {
      const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
      setErrors(
        fields.length
          ? Object.fromEntries(fields.map((f) => [f.path.split('.')[0]!, f.message]))
          : { form: (e as Error).message },
      );
    }
  };
  return (
    <section className="panel" aria-labelledby="client-settings">
      <h2 id="client-settings">Client</h2>
      <form className="client-form" onSubmit={save}>
        <Field label="Name" error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="E-mails" error={errors.emails} hint="Payments from these addresses are offered for this client">
          <input value={emails} onChange={(e) => setEmails(e.target.value)} placeholder="billing@example.com" />
        </Field>
        <Field
          label="First source"
          error={errors.firstSourceId}
          hint="The channel through which this client first found you"
        >
          <select value={firstSource} onChange={(e) => setFirstSource(e.target.value)}>
            <option value="">
              Earliest lead{client.firstSourceIsDefault && client.firstSource ? ` (${client.firstSource})` : ''}
            </option>
            {(sources.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="primary">
          Save client
        </button>
      </form>
    </section>
  );
}

function MergeClient({ detail }: { detail: ClientDetail }) {
  const { client } = detail;
  const toast = useToast();
  const others = useAsync(() => api.clients.list({ limit: 1000 }), []);
  const [into, setInto] = useState('');
  const [error, setError] = useState<string>();
  const merge = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const kept = await api.clients.merge({ id: client.id, intoId: Number(into) });
      toast.info(`Merged ${client.name} into ${kept.name}`);
      navigate(`client/${kept.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="client-merge">
      <h2 id="client-merge">Merge</h2>
      <form className="merge-form" onSubmit={merge}>
        <p className="muted">
          The same client under two names? Its leads, names, e-mails and remembered payers move to the other client, and{' '}
          {client.name} is removed.
        </p>
        <label className="filter">
          Merge into
          <select value={into} onChange={(e) => setInto(e.target.value)} aria-label="Merge into">
            <option value="">Choose a client…</option>
            {(others.data?.items ?? [])
              .filter((c) => c.id !== client.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="danger" disabled={into === ''}>
          Merge
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
