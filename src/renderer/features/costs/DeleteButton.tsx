import { useState } from 'react';

export type DeleteButtonProps = { label: string; onDelete: () => void };

/**
 * The "Delete" link of a row in the cost tables; `label` says which row for screen readers. A dated
 * amount rewrites past reports, so it asks once, in place, before deleting (issue 13.6).
 */
export function DeleteButton({ label, onDelete }: DeleteButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link-button" aria-label={label} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={`${label}: confirm`}>
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
  );
}
