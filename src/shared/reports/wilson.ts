// Hand-written (no stats package is installed): Wilson score interval of a proportion and Newcombe's
// hybrid score interval of a difference of two proportions (Newcombe 1998, method 10), both at 95%.

export const z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/** Wilson score interval of `successes` out of `n` (null when n = 0). */
export function wilson(successes: number, n: number, z = z95): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** 95% interval of p1 − p2 from the two Wilson intervals (null when a group is empty). */
export function differenceInterval(
  s1: number,
  n1: number,
  s2: number,
  n2: number,
  z = z95,
): (Interval & { estimate: number }) | null {
  const a = wilson(s1, n1, z);
  const b = wilson(s2, n2, z);
  if (!a || !b) return null;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const d = p1 - p2;
  return {
    estimate: d,
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}
