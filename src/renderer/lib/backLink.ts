import { parseRoute } from './useRoute';

// The last address outside a lead page, so "←" goes back where the user came from (board, table,
// follow-ups, a search) with its filters, instead of always to the table.
let titleOf: (page: string) => string | undefined = () => undefined;

/** The shell tells which title each page has (app/pages.ts). */
export function setPageTitles(titles: (page: string) => string | undefined): void {
  titleOf = titles;
}

let lastHash = '#/leads';

function remember(): void {
  const hash = window.location.hash || '#/pipeline';
  if (parseRoute(hash).page !== 'lead') lastHash = hash;
}
remember();
window.addEventListener('hashchange', remember);

export function backLink(): { href: string; label: string } {
  const page = parseRoute(lastHash).page;
  const title = titleOf(page) ?? 'Leads';
  return { href: lastHash, label: `← ${title}` };
}
