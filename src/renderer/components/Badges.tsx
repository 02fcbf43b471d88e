import { type Stage, stageLabels } from '../../shared/domain/stages';

/** A channel's colour dot and name. */
export function ChannelChip({ name, color }: { name: string; color: string }) {
  return (
    <span className="chip">
      <span className="chip-dot" style={{ background: color }} aria-hidden="true" />
      {name}
    </span>
  );
}

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`stage-badge stage-${stage}`}>{stageLabels[stage]}</span>;
}

/** "Stale": an open lead with no change or activity for the days set in Settings. */
export function StaleBadge() {
  return (
    <span className="stale-badge" title="No change or activity for a while">
      Stale
    </span>
  );
}
