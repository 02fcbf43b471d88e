import { useEffect, useRef, useState } from 'react';
import { Icon } from '../components/Icon';
import { navigate, replaceRoute, type Route, routeWith } from './useRoute';

const searchablePages = new Set(['pipeline', 'leads']);
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export type TopBarProps = { route: Route; onNewLead: () => void };

/** Search (filters the board or the table through the URL) and the "New lead" button. */
export function TopBar({ route, onNewLead }: TopBarProps) {
  const routeQuery = searchablePages.has(route.page) ? (route.query.get('q') ?? '') : '';
  const [text, setText] = useState(routeQuery);
  const pushed = useRef(routeQuery);
  const inputRef = useRef<HTMLInputElement>(null);

  // Follow the URL when it changes from elsewhere (a link, the back button).
  useEffect(() => {
    if (routeQuery !== pushed.current) {
      pushed.current = routeQuery;
      setText(routeQuery);
    }
  }, [routeQuery]);

  useEffect(() => {
    if (text === pushed.current) return;
    const timer = window.setTimeout(() => {
      pushed.current = text;
      const page = searchablePages.has(route.page) ? route.page : 'leads';
      const query = Object.fromEntries(route.query.entries());
      const path = routeWith(page, { ...query, q: text.trim() ? text : undefined });
      if (page === route.page) replaceRoute(path);
      else navigate(path);
      // No debounce: a search takes tens of ms even at 100,000 leads and stale answers are dropped,
      // so the list follows every keystroke (the bench's keystroke target is 100 ms).
    }, 0);
    return () => window.clearTimeout(timer);
  }, [text, route]);

  useEffect(() => {
    const onCommand = (event: Event) => {
      if ((event as CustomEvent<string>).detail === 'find') {
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('leadledger:command', onCommand);
    return () => window.removeEventListener('leadledger:command', onCommand);
  }, []);

  return (
    <header className="topbar">
      <div className="search" role="search">
        <Icon name="search" />
        <input
          ref={inputRef}
          type="search"
          aria-label="Search leads"
          placeholder={`Search title, client, tag…  (${isMac ? '⌘' : 'Ctrl+'}F or /)`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
        />
      </div>
      <button type="button" className="primary" onClick={onNewLead} aria-keyshortcuts={isMac ? 'Meta+N N' : 'Control+N N'} title="New lead (N)">
        <Icon name="plus" /> New lead
      </button>
    </header>
  );
}
