import { useState } from 'react';

export type DeleteButtonProps = { label: string; onDelete: () => void };

/**
 * The "Delete" link of a row in the cost tables; `label` says which row for screen readers. A dated
 * amount rewrites past reports, so it asks once, in place, before deleting. The question
 * is laid over the row's end (the link keeps its place, hidden), so the table's columns never move.
 */
export function DeleteButton({ label, onDelete }: DeleteButtonProps) {
  const [asking, setAsking] = useState(false);
  return (
    <span className="delete-anchor">
      <button
        type="button"
        className="link-button"
        aria-label={label}
        onClick={() => setAsking(true)}
        style={asking ? { visibility: 'hidden' } : undefined}
      >
        Delete
      </button>
      {asking && (
        <span className="confirm-inline confirm-over" role="group" aria-label={`${label}: confirm`}>
          <span className="muted small">Past reports change.</span>
          <button
            type="button"
            className="link-button danger-link"
            autoFocus
            onClick={() => {
              setAsking(false);
              onDelete();
            }}
          >
            Yes, delete
          </button>
          <button type="button" className="link-button" onClick={() => setAsking(false)}>
            Keep
          </button>
        </span>
      )}
    </span>
  );
}
