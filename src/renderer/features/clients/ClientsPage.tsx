import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { navigate } from '../../lib/useRoute';
import { useToast } from '../../components/Toasts';
import { money } from '../../lib/reportFormat';
import './clients.css';

/** Every client (docs/domain.md §6.3): first source, leads, lifetime revenue, first and last contact, repeats. */
export function ClientsPage() {
  const [search, setSearch] = useState('');
  const clients = useAsync(() => api.clients.list({ search: search.trim() || undefined, limit: 500 }), [search]);
  const items = clients.data?.items ?? [];
  return (
    <div className="page clients-page">
      <header className="page-header">
        <div>
          <h1>Clients</h1>
          <p className="page-summary">
            Who pays, and through which channel they first found you. Leads join the client their client name names.
          </p>
        </div>
        <div className="page-actions">
          <label className="filter">
            Search
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              aria-label="Search clients"
              placeholder="Name or e-mail"
            />
          </label>
          <AddClient />
        </div>
      </header>
      {clients.error && (
        <p className="form-error" role="alert">
          Could not load clients: {clients.error.message}
        </p>
      )}
      <table className="data-table clients-table" aria-label="Clients">
        <colgroup>
          <col />
          <col style={{ width: '18%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: 70 }} />
          <col style={{ width: 120 }} />
          <col style={{ width: 120 }} />
          <col style={{ width: 120 }} />
          <col style={{ width: 80 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mails</th>
            <th scope="col">First source</th>
            <th scope="col" className="num">
              Leads
            </th>
            <th scope="col" className="num">
              Revenue
            </th>
            <th scope="col">First contact</th>
            <th scope="col">Last contact</th>
            <th scope="col">Repeat</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`#/client/${c.id}`}>{c.name}</a>
              </td>
              <td className="muted">{c.emails.join(', ')}</td>
              <td>
                {c.firstSource ?? '—'}
                {c.firstSource && c.firstSourceIsDefault && (
                  <span className="tag" title="The channel of the client's earliest lead">
                    default
                  </span>
                )}
              </td>
              <td className="num">{c.leads}</td>
              <td className="num">{money(c.revenue, c.currency)}</td>
              <td>{formatDay(c.firstContact)}</td>
              <td>{formatDay(c.lastContact)}</td>
              <td>{c.repeat ? <span className="repeat-badge">Repeat</span> : ''}</td>
            </tr>
          ))}
          {clients.data && items.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                No clients yet: give a lead a client name, or add one here.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {clients.data && clients.data.total > items.length && (
        <p className="muted">
          Showing {items.length} of {clients.data.total.toLocaleString()}; search to narrow.
        </p>
      )}
    </div>
  );
}

function AddClient() {
  const toast = useToast();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const client = await api.clients.create({ name });
      setName('');
      setError(undefined);
      toast.info(`Added ${client.name}`);
      navigate(`client/${client.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="add-client" onSubmit={submit}>
      <input
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-label="New client name"
        placeholder="New client"
        aria-invalid={error ? true : undefined}
      />
      <button type="submit" disabled={!name.trim()}>
        Add client
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
