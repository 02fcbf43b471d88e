import { type LogTimeRequest, logTimeEvent } from './TimerControl';

/** The board card's compact "Log time": a plain button that asks the one dialog in the top bar. */
export function LogTimeButton({ leadId, title }: LogTimeRequest) {
  return (
    <button
      type="button"
      className="card-time"
      aria-label={`Log time on ${title}`}
      title="Log time"
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => window.dispatchEvent(new CustomEvent<LogTimeRequest>(logTimeEvent, { detail: { leadId, title } }))}
    >
      <svg
        width={14}
        height={14}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        aria-hidden="true"
      >
        <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
