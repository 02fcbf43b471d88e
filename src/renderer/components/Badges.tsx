import { type Stage, stageLabels } from '../../shared/domain/stages';

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
