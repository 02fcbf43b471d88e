/** The months from `first` to `last` (YYYY-MM), every one of them. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The chart's months without gaps: a month with no records between the first and the last one shown is
 * drawn at 0 for every channel, so the axis never jumps from July to October as if they were neighbours.
 */
export function fillMonths(
  monthly: readonly { month: string; profit: Record<string, number> }[],
  channels: readonly string[],
): Record<string, string | number>[] {
  if (monthly.length === 0) return [];
  const byMonth = new Map(monthly.map((m) => [m.month, m.profit]));
  const zero = Object.fromEntries(channels.map((c) => [c, 0]));
  return monthsBetween(monthly[0]!.month, monthly[monthly.length - 1]!.month).map((month) => ({
    month,
    ...zero,
    ...(byMonth.get(month) ?? {}),
  }));
}
