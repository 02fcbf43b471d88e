import { type FormEvent, useState } from 'react';
import { errorsByField } from '../../components/useFormErrors';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { ConnectsSummary } from '../connects/ConnectsSummary';
import { ChannelTimePanel } from '../time/ChannelTimePanel';
import { SourceRow } from './SourceRow';
import { useSources } from '../../lib/useSources';

export function SourcesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const sources = useSources(true);
  const list = (sources.data ?? []).filter((s) => showArchived || !s.archived);
  const archivedCount = (sources.data ?? []).filter((s) => s.archived).length;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Channels</h1>
          <p className="page-summary">
            Where your leads come from. Credit prices and commissions are edited on the Costs page.
          </p>
        </div>
      </header>
      <AddSource />
      <div className="table-toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived ({archivedCount})
        </label>
      </div>
      {sources.error && (
        <p className="form-error" role="alert">
          Could not load channels: {sources.error.message}
        </p>
      )}
      <table className="data-table sources-table" aria-label="Channels">
        <colgroup>
          <col style={{ width: 72 }} />
          <col />
          <col style={{ width: '12%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: 190 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Colour</th>
            <th scope="col">Name</th>
            <th scope="col">Credits</th>
            <th scope="col" className="num">
              Credit price
            </th>
            <th scope="col" className="num">
              Commission
            </th>
            <th scope="col" className="num">
              Leads
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((source) => (
            <SourceRow key={source.id} source={source} />
          ))}
        </tbody>
      </table>
      <ChannelTimePanel />
      <ConnectsSummary title="Credits balance today" />
    </div>
  );
}

function AddSource() {
  const toast = useToast();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#2f6fde');
  const [creditName, setCreditName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Give the channel a name' });
    try {
      const created = await api.sources.create({ name, color, creditName: creditName.trim() || null });
      toast.info(`Added ${created.name}`);
      setName('');
      setCreditName('');
      setErrors({});
    } catch (e) {
      setErrors(errorsByField(e));
    }
  };
  return (
    <form className="add-source panel" onSubmit={submit} noValidate aria-labelledby="add-source-title">
      <h2 id="add-source-title">Add a channel</h2>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="add-source-fields">
        <Field label="Name" error={errors.name}>
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Toptal"
            autoComplete="off"
          />
        </Field>
        <Field label="Colour" error={errors.color}>
          <input type="color" className="color-input" value={color} onChange={(e) => setColor(e.target.value)} />
        </Field>
        <Field label="Credit name" error={errors.creditName} hint="Only if the channel sells bidding credits">
          <input
            type="text"
            value={creditName}
            onChange={(e) => setCreditName(e.target.value)}
            placeholder="e.g. Bids"
            autoComplete="off"
          />
        </Field>
        <button type="submit" className="primary">
          Add channel
        </button>
      </div>
    </form>
  );
}
