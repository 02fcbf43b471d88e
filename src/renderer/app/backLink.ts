import { pages } from './pages';
import { parseRoute } from './useRoute';

// The last address outside a lead page, so "←" goes back where the user came from (board, table,
// follow-ups, a search) with its filters, instead of always to the table.
let lastHash = '#/leads';

function remember(): void {
  const hash = window.location.hash || '#/pipeline';
  if (parseRoute(hash).page !== 'lead') lastHash = hash;
}
remember();
window.addEventListener('hashchange', remember);

export function backLink(): { href: string; label: string } {
  const page = parseRoute(lastHash).page;
  const title = pages.find((p) => p.id === page)?.title ?? 'Leads';
  return { href: lastHash, label: `← ${title}` };
}
