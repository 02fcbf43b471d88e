export type DeleteButtonProps = { label: string; onDelete: () => void };

/** The "Delete" link of a row in the cost tables; `label` says which row for screen readers. */
export function DeleteButton({ label, onDelete }: DeleteButtonProps) {
  return (
    <button type="button" className="link-button" aria-label={label} onClick={onDelete}>
      Delete
    </button>
  );
}
