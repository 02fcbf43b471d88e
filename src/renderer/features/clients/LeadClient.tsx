import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import './clients.css';

/** The lead's client on the lead page: a link to the client, and another client by name (docs/domain.md §6.3). */
export function LeadClient({ leadId }: { leadId: number }) {
  const current = useAsync(() => api.clients.ofLead({ leadId }), [leadId]);
  const clients = useAsync(() => api.clients.list({ limit: 1000 }), []);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const listId = useId();
  const client = current.data?.client ?? null;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.clients.linkLead({ leadId, clientName: name });
      setEditing(false);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="panel lead-client" aria-labelledby="lead-client-title">
      <h2 id="lead-client-title">Client</h2>
      {!editing ? (
        <p>
          {client ? (
            <a href={`#/client/${client.id}`} data-testid="lead-client">
              {client.name}
            </a>
          ) : (
            <span className="muted">No client</span>
          )}{' '}
          <button type="button" className="link-button" onClick={() => (setName(client?.name ?? ''), setEditing(true))}>
            {client ? 'Change' : 'Link a client'}
          </button>
        </p>
      ) : (
        <form onSubmit={save} className="lead-client-form">
          <input
            list={listId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-label="Client name"
            placeholder="Client name"
            autoFocus
          />
          <datalist id={listId}>
            {(clients.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.name} />
            ))}
          </datalist>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Link
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <p className="muted field-hint">A name no client has yet makes a new client.</p>
    </section>
  );
}
