export type AttributionSwitchProps = { value: 'last' | 'first'; onChange: (value: 'last' | 'first') => void };

/** Last touch / First touch (docs/domain.md §6): whose channel a payment's revenue counts for. */
export function AttributionSwitch({ value, onChange }: AttributionSwitchProps) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Attribution">
      {(['last', 'first'] as const).map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          className={value === option ? 'active' : ''}
          onClick={() => onChange(option)}
          title={
            option === 'last'
              ? 'Revenue counts for the channel the payment came through'
              : 'Revenue counts for the channel through which the client first found you; fees and costs stay where they were charged'
          }
        >
          {option === 'last' ? 'Last touch' : 'First touch'}
        </button>
      ))}
    </div>
  );
}
