import type { Machine } from './machine';

export type CaseResult = {
  case: string;
  unit: 'ms' | 'MiB' | 'frames' | 'lead';
  median: number;
  min: number;
  max: number;
  runs: number;
  baseline?: string;
  baselineMedian?: number;
  ratio?: number;
  target: string;
  /** null when the case has no target (a reference figure). */
  met: boolean | null;
  note?: string;
};

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? '—'
    : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printTable(machine: Machine, results: CaseResult[]): string {
  const header = ['Case', 'Median', 'Min', 'Max', 'Baseline (median)', 'Ratio', 'Target', 'Met'];
  const rows = results.map((r) => [
    r.case,
    `${fmt(r.median, r.unit === 'ms' && r.median < 100 ? 1 : 0)} ${r.unit}`,
    fmt(r.min, r.unit === 'ms' && r.min < 100 ? 1 : 0),
    fmt(r.max, r.unit === 'ms' && r.max < 100 ? 1 : 0),
    r.baseline
      ? `${r.baseline} ${fmt(r.baselineMedian, r.baselineMedian !== undefined && r.baselineMedian < 100 ? 1 : 0)} ${r.unit}`
      : '',
    r.ratio === undefined ? '' : `${fmt(r.ratio, 2)}×`,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : `NO${r.note ? ` (${r.note})` : ''}`,
  ]);
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}; Node ${machine.node}; SQLite ${machine.sqlite} (shell ${machine.sqliteShell ?? 'not installed'})`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  return lines.join('\n');
}
