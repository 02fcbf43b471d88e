import { lazy, Suspense, useEffect, useState } from 'react';
import { api, bridge } from '../api';
import { Icon } from '../components/Icon';
import { ToastArea, ToastProvider } from '../components/Toasts';
import { useDueNotifications } from '../features/follow-ups/useDueNotifications';
import { usePreferencesEffects } from '../features/settings/usePreferences';
import { installGlobalImportHandlers } from '../features/import-export/pendingImport';
import { useDataVersion } from '../lib/dataVersion';
import { todayLocal } from '../lib/format';
import { pages } from './pages';
// Loaded with the first screen: it records the address before the (lazy) lead page is opened.
import { setPageTitles } from '../lib/backLink';
import { useToAssignCount } from '../features/clients/useToAssignCount';
import { TopBar } from './TopBar';
import { requestBoardFocus } from '../lib/boardFocus';
import { navigate, useRoute } from '../lib/useRoute';

setPageTitles((page) => pages.find((p) => p.id === page)?.title);

// The board listens for it (useBoard's leadAddedEvent); the name only, so the board stays in its lazy chunk.
const leadAddedEvent = 'leadledger:lead-added';

// A CSV dropped anywhere and the menu's Import work before the (lazy) Import page has been opened.
installGlobalImportHandlers();

// Its own chunk, fetched the first time the dialog opens (and kept mounted after that).
const LeadFormDialog = lazy(() =>
  import('../features/leads/LeadFormDialog').then((m) => ({ default: m.LeadFormDialog })),
);

function sendCommand(detail: string) {
  window.dispatchEvent(new CustomEvent('leadledger:command', { detail }));
}

/** How many follow-ups are due, for the sidebar badge. */
function useDueCount(): number {
  const version = useDataVersion();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    api.leads.followUps({ today: todayLocal(), limit: 100 }).then(
      (rows) => live && setCount(rows.length),
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return count;
}

export function App() {
  const route = useRoute();
  const current = pages.find((p) => p.id === route.page) ?? pages[0]!;
  const [newLeadOpen, setNewLeadOpen] = useState(false);
  const [newLeadUsed, setNewLeadUsed] = useState(false);
  if (newLeadOpen && !newLeadUsed) setNewLeadUsed(true);
  const due = useDueCount();
  const toAssign = useToAssignCount();
  useDueNotifications();
  usePreferencesEffects();

  useEffect(() => {
    return bridge?.onMenu((command) => {
      if (command.startsWith('go-')) navigate(command.slice(3));
      else sendCommand(command);
    });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Single keys work everywhere (a browser keeps Ctrl+N for itself): "n" new lead, "/" search.
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"], dialog');
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (event.key === 'n') {
          event.preventDefault();
          sendCommand('new-lead');
        } else if (event.key === '/') {
          event.preventDefault();
          sendCommand('find');
        } else if (event.key === 'b') {
          // "b": the board, its first card focused.
          event.preventDefault();
          requestBoardFocus();
          navigate('pipeline');
        }
        return;
      }
      if (bridge) return; // Electron's menu owns the Ctrl/Cmd shortcuts.
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        sendCommand('new-lead');
      } else if (mod && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        sendCommand('find');
      }
    };
    const onCommand = (event: Event) => {
      if ((event as CustomEvent<string>).detail === 'new-lead') setNewLeadOpen(true);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('leadledger:command', onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('leadledger:command', onCommand);
    };
  }, []);

  useEffect(() => {
    document.title = `${current.title} · LeadLedger`;
  }, [current.title]);

  const Page = current.component;
  return (
    <ToastProvider>
      <div className="app">
        <nav className="sidebar" aria-label="Main">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              L
            </span>
            LeadLedger
          </div>
          <ul>
            {pages
              .filter((p) => p.nav)
              .map((p) => (
                <li key={p.id}>
                  <a
                    href={`#/${p.id}`}
                    aria-current={p.id === current.id || p.id === current.navParent ? 'page' : undefined}
                  >
                    {p.icon && <Icon name={p.icon} />}
                    <span className="nav-label">{p.title}</span>
                    {p.id === 'follow-ups' && due > 0 && (
                      <span className="nav-badge">
                        {due > 99 ? '99+' : due}
                        <span className="sr-only"> due</span>
                      </span>
                    )}
                    {p.id === 'to-assign' && toAssign > 0 && (
                      <span className="nav-badge" data-testid="to-assign-count">
                        {toAssign > 99 ? '99+' : toAssign}
                        <span className="sr-only"> waiting</span>
                      </span>
                    )}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div className="main">
          <TopBar route={route} onNewLead={() => setNewLeadOpen(true)} />
          <main className="content" id="content">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <Page route={route} />
            </Suspense>
          </main>
          <ToastArea />
        </div>
      </div>
      {newLeadUsed && (
        <Suspense fallback={null}>
          <LeadFormDialog
            open={newLeadOpen}
            onClose={() => setNewLeadOpen(false)}
            onSaved={(lead) => window.dispatchEvent(new CustomEvent(leadAddedEvent, { detail: lead }))}
          />
        </Suspense>
      )}
    </ToastProvider>
  );
}
