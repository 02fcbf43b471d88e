import { useEffect, useId, useRef, useState } from 'react';
import { navigate, replaceRoute, type Route, routeWith } from '../../lib/useRoute';
import { ChannelChip, StageBadge } from '../../components/Badges';
import { Icon } from '../../components/Icon';
import { useSearchResults } from './useSearchResults';

/** Pages whose list the search also filters (through `q` in the address). */
const filteredPages = new Set(['pipeline', 'leads']);
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export type SearchBoxProps = { route: Route };

/**
 * One search for the whole app: a list of matching leads under the box (arrows move, Enter or a click
 * opens the lead) and, on the board and the table, the page itself filtered as you type.
 * The address is written only from a keystroke, never from an effect that also runs on a route
 * change: that effect used to send "#/lead/12" back to "#/leads".
 */
export function SearchBox({ route }: SearchBoxProps) {
  const filtering = filteredPages.has(route.page);
  const routeQuery = filtering ? (route.query.get('q') ?? '') : null;
  const [text, setText] = useState(routeQuery ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { rows, total } = useSearchResults(text, open);

  // Follow the address when it changes elsewhere (a link, Back); other pages keep the text as it was.
  useEffect(() => {
    if (routeQuery !== null) setText((current) => (current === routeQuery ? current : routeQuery));
  }, [routeQuery]);
  useEffect(() => setActive(-1), [text]);

  useEffect(() => {
    const onCommand = (event: Event) => {
      if ((event as CustomEvent<string>).detail === 'find') {
        inputRef.current?.focus();
        inputRef.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('leadledger:command', onCommand);
    return () => window.removeEventListener('leadledger:command', onCommand);
  }, []);

  const change = (value: string) => {
    setText(value);
    setOpen(true);
    if (filtering) {
      const query = Object.fromEntries(route.query.entries());
      replaceRoute(routeWith(route.page, { ...query, q: value.trim() ? value : undefined }));
    }
  };
  const openLead = (id: number) => {
    setOpen(false);
    inputRef.current?.blur();
    navigate(`lead/${id}`);
  };
  const showAll = () => {
    setOpen(false);
    navigate(routeWith('leads', { q: text.trim() }));
  };
  const shown = open && text.trim() !== '';
  const moreCount = total - rows.length;
  // Options: the leads, then "all N in the table" when there are more or the page is not a list.
  const extra = shown && rows.length > 0 && (moreCount > 0 || route.page !== 'leads') ? 1 : 0;
  const optionCount = rows.length + extra;
  const optionId = (index: number) => `${listId}-${index}`;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!optionCount) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // -1 is the box itself: Down from the last result comes back to it.
      setActive((a) => ((a + 1 + step + optionCount + 1) % (optionCount + 1)) - 1);
    } else if (e.key === 'Enter') {
      const lead = active >= 0 ? rows[active] : rows.length === 1 ? rows[0] : undefined;
      if (lead) {
        e.preventDefault();
        openLead(lead.id);
      } else if (active === rows.length && extra) {
        e.preventDefault();
        showAll();
      } else if (!filtering && text.trim()) {
        e.preventDefault();
        showAll();
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (shown) setOpen(false);
      else if (text) change('');
    }
  };

  return (
    <div className="search" role="search">
      <Icon name="search" />
      <input
        ref={inputRef}
        type="search"
        aria-label="Search leads"
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        aria-autocomplete="list"
        placeholder={`Search title, client, tag, notes…  (${isMac ? '⌘' : 'Ctrl+'}F or /)`}
        value={text}
        onChange={(e) => change(e.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Matching leads">
          {rows.map((lead, index) => (
            <li
              key={lead.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list before the click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                openLead(lead.id);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="search-title">{lead.title}</span>
              <span className="search-meta">
                <ChannelChip name={lead.sourceName} color={lead.sourceColor} />
                {lead.client && <span>{lead.client}</span>}
                <StageBadge stage={lead.stage} />
              </span>
            </li>
          ))}
          {rows.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="search-empty">
              No lead matches “{text.trim()}”
            </li>
          )}
          {extra > 0 && (
            <li
              id={optionId(rows.length)}
              role="option"
              aria-selected={active === rows.length}
              className={`search-all${active === rows.length ? ' active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                showAll();
              }}
            >
              {moreCount > 0 ? `All ${total.toLocaleString()} matches in the table` : 'Show the matches in the table'}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
