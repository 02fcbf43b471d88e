import { useEffect, useState } from 'react';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { api } from '../../api';

/**
 * Any lead for a waiting payment (docs/domain.md §7.5): type a few letters of its title, client or tag and
 * pick it. The list asks for at most 6 leads, after a short pause in typing.
 */
export function LeadFinder({
  label,
  disabled,
  onPick,
}: {
  label: string;
  disabled: boolean;
  onPick: (lead: LeadRow) => void;
}) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<LeadRow[]>([]);
  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.leads.list({ search: query, limit: 6, sort: { field: 'updatedAt', dir: 'desc' } }).then(
        (r) => current && setFound(r.rows),
        () => current && setFound([]),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return (
    <div className="lead-finder">
      <input
        type="search"
        value={text}
        placeholder="Find a lead…"
        aria-label={label}
        onChange={(e) => setText(e.target.value)}
        disabled={disabled}
      />
      {found.length > 0 && (
        <ul className="lead-finder-results">
          {found.map((lead) => (
            <li key={lead.id}>
              <button type="button" className="link-button" disabled={disabled} onClick={() => onPick(lead)}>
                Link to {lead.title}
                {lead.client && <span className="muted"> ({lead.client})</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
