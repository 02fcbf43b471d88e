import { damagedMatch, headerKey, isDamaged } from '../../shared/csv/headers';
import { layouts } from './layouts';
import { paypalNames } from './paypal-names';
import { stripeBalanceAliases, stripePaymentsAliases } from './stripe';
import { trackerAliases } from './tracker-columns';
import { upworkCurrentAliases, upworkLegacyAliases } from './upwork';
import { wiseAliases } from './wise';

// docs/domain.md §3: a file a wrong decoding damaged (`Fuso hor�rio`, `L?quido`: U+FFFD or `?` where a
// letter was) still matches. A damaged header name becomes the one known name it can be, letter
// for letter; one that could be several known names, or none, stays as it is.

let vocabulary: string[] | undefined;

function known(): string[] {
  if (vocabulary) return vocabulary;
  const names = new Map<string, string>();
  const add = (name: string) => {
    if (!names.has(headerKey(name))) names.set(headerKey(name), name);
  };
  for (const l of layouts) {
    l.required.flat().forEach(add);
    (l.absent ?? []).forEach(add);
    l.amounts.forEach(add);
    l.dates.forEach(add);
  }
  for (const table of [
    paypalNames,
    stripeBalanceAliases,
    stripePaymentsAliases,
    upworkCurrentAliases,
    upworkLegacyAliases,
    wiseAliases,
    trackerAliases,
  ]) {
    for (const list of Object.values(table) as (readonly string[])[]) list.forEach(add);
  }
  vocabulary = [...names.values()];
  return vocabulary;
}

/** The headers with damaged names repaired, and whether any name was damaged. */
export function repairHeaders(headers: readonly string[]): { headers: string[]; damaged: boolean } {
  let damaged = false;
  const out = headers.map((h) => {
    if (!isDamaged(h)) return h;
    damaged = true;
    const candidates = known().filter((name) => damagedMatch(h, name));
    return candidates.length === 1 ? candidates[0]! : h;
  });
  return { headers: out, damaged };
}
