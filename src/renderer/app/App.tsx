import { useEffect } from 'react';
import { bridge } from '../api';
import { navigate, useRoute } from './useRoute';
import { pages } from './pages';

export function App() {
  const route = useRoute();
  const current = pages.find((p) => p.id === route.page) ?? pages[0]!;

  useEffect(() => {
    return bridge?.onMenu((command) => {
      if (command.startsWith('go-')) navigate(command.slice(3));
      else window.dispatchEvent(new CustomEvent('leadledger:command', { detail: command }));
    });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (bridge) return; // Electron's menu owns the shortcuts.
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        window.dispatchEvent(new CustomEvent('leadledger:command', { detail: 'new-lead' }));
      } else if (mod && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        window.dispatchEvent(new CustomEvent('leadledger:command', { detail: 'find' }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const Page = current.component;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">LeadLedger</div>
        <ul>
          {pages
            .filter((p) => p.nav)
            .map((p) => (
              <li key={p.id}>
                <a href={`#/${p.id}`} aria-current={p.id === current.id ? 'page' : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <main className="content">
        <Page route={route} />
      </main>
    </div>
  );
}
