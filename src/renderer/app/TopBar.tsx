import { Icon } from '../components/Icon';
import { SearchBox } from '../features/search/SearchBox';
import { TimerControl } from '../features/time/TimerControl';
import type { Route } from '../lib/useRoute';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export type TopBarProps = { route: Route; onNewLead: () => void };

/** The search and the "New lead" button. */
export function TopBar({ route, onNewLead }: TopBarProps) {
  return (
    <header className="topbar">
      <SearchBox route={route} />
      <TimerControl />
      <button
        type="button"
        className="primary"
        onClick={onNewLead}
        aria-keyshortcuts={isMac ? 'Meta+N N' : 'Control+N N'}
        title="New lead (N)"
      >
        <Icon name="plus" /> New lead
      </button>
    </header>
  );
}
