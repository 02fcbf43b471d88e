import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FunnelLevel } from '../../../shared/api/schemas/visibility';
import { ChartTable } from './ChartTable';
import { intervalText, rateText } from './beingSeenFormat';

const axis = { stroke: 'var(--muted)', fontSize: 12 };
const tooltipStyle = {
  background: 'var(--panel)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
};

type Interval = [number, number] | null;
type Point = {
  level: string;
  view: number | null;
  viewInterval: Interval;
  win: number | null;
  winInterval: Interval;
  proposals: number;
};

const interval = (r: FunnelLevel['viewRate']): Interval => (r === null ? null : [r.low * 100, r.high * 100]);

type ShapeProps = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  background?: { y: number; height: number };
  payload?: Point;
};

/**
 * A bar with its 95% interval drawn as a whisker. The axis is fixed at 0–100%, so the column's
 * background (the whole plot height) places the interval's ends.
 */
function barWithInterval(key: 'viewInterval' | 'winInterval') {
  return function Shape(props: BarShapeProps) {
    const { x = 0, y = 0, width = 0, height = 0, fill, background, payload } = props as unknown as ShapeProps;
    const range = payload?.[key];
    const at = (v: number) => (background ? background.y + background.height * (1 - v / 100) : 0);
    const mid = x + width / 2;
    return (
      <g>
        <rect x={x} y={y} width={width} height={Math.max(height, 0)} fill={fill} />
        {range && background && (
          <g stroke="var(--text)" strokeWidth={1.5}>
            <line x1={mid} x2={mid} y1={at(range[0])} y2={at(range[1])} />
            <line x1={mid - 4} x2={mid + 4} y1={at(range[0])} y2={at(range[0])} />
            <line x1={mid - 4} x2={mid + 4} y1={at(range[1])} y2={at(range[1])} />
          </g>
        )}
      </g>
    );
  };
}
const viewShape = barWithInterval('viewInterval');
const winShape = barWithInterval('winInterval');

/** View and win rate per level with their 95% intervals as error bars; levels not recorded are left out. */
export function BeingSeenChart({ title, levels }: { title: string; levels: readonly FunnelLevel[] }) {
  const data: Point[] = levels
    .filter((l) => l.level !== 'unknown')
    .map((l) => ({
      level: l.level,
      view: l.viewRate === null ? null : l.viewRate.value * 100,
      viewInterval: interval(l.viewRate),
      win: l.winRate === null ? null : l.winRate.value * 100,
      winInterval: interval(l.winRate),
      proposals: l.proposals,
    }));
  const empty = data.every((d) => d.view === null);
  return (
    <figure className="chart being-seen-chart" aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
        <span className="muted small">bars: 95% intervals</span>
      </figcaption>
      {empty ? (
        <p className="muted chart-empty">No level has 5 proposals yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="level" tick={axis} stroke="var(--border)" interval={0} />
            <YAxis
              tick={axis}
              stroke="var(--border)"
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              width={44}
            />
            <Tooltip
              contentStyle={tooltipStyle}
              cursor={{ fill: 'var(--panel-2)' }}
              formatter={(v, name) => [`${Math.round(Number(v))}%`, name === 'view' ? 'Viewed' : 'Won']}
              labelFormatter={(label) => {
                const p = data.find((d) => d.level === label);
                return `${String(label)} · ${p?.proposals ?? 0} proposals`;
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={(v) => (v === 'view' ? 'Viewed' : 'Won')} />
            <Bar
              dataKey="view"
              fill="var(--accent)"
              isAnimationActive={false}
              background={{ fill: 'transparent' }}
              shape={viewShape}
            />
            <Bar
              dataKey="win"
              fill="var(--ok)"
              isAnimationActive={false}
              background={{ fill: 'transparent' }}
              shape={winShape}
            />
          </BarChart>
        </ResponsiveContainer>
      )}
      <ChartTable
        caption={title}
        columns={['Level', 'Proposals', 'Viewed', 'Won']}
        rows={levels.map((l) => [
          l.level,
          String(l.proposals),
          `${rateText(l.viewRate)} (${intervalText(l.viewRate)})`,
          `${rateText(l.winRate)} (${intervalText(l.winRate)})`,
        ])}
      />
    </figure>
  );
}
