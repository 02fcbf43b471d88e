/** Edit distance with adjacent transpositions (optimal string alignment): "Upwrok" → "Upwork" is 1. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const fold = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The existing channel a new one's name is probably a typo of ("Upwrok" → "Upwork"): the nearest name
 * at most 1 edit away (2 for names of 8 letters or more), compared case-insensitively; none when two
 * are equally near or the name is short (a 3-letter name is too easily one edit from another).
 */
export function likelyChannel(created: string, existing: readonly string[]): string | null {
  const name = fold(created);
  if (name.length < 4) return null;
  const allowed = name.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of existing) {
    const other = fold(candidate);
    if (other === name) continue;
    const dist = distance(name, other);
    if (dist < bestDistance) {
      best = candidate;
      bestDistance = dist;
      tie = false;
    } else if (dist === bestDistance) tie = true;
  }
  return best !== null && bestDistance <= allowed && !tie ? best : null;
}
