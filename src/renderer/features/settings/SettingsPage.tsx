import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { BackupsSection } from './BackupsSection';
import { CurrencyPanel } from '../costs/CurrencyPanel';
import { PreferencesPanel } from './PreferencesPanel';
import './settings.css';

/** Preferences, currency and rates, app facts a user may need when asking for help, and the backups. */
export function SettingsPage() {
  const info = useAsync(() => api.app.info({}), []);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="page-summary">
            Your data lives in one file on this computer. Backups are made when LeadLedger starts, every day while it
            runs, and before every import or upgrade.
          </p>
        </div>
      </header>
      <PreferencesPanel />
      <CurrencyPanel />
      <section className="panel" aria-labelledby="app-info-title">
        <h2 id="app-info-title">About this copy</h2>
        {info.error && (
          <p className="form-error" role="alert">
            Could not read the app information: {info.error.message}
          </p>
        )}
        <dl className="details settings-facts">
          <dt>Version</dt>
          <dd>{info.data?.version ?? '…'}</dd>
          <dt>Database</dt>
          <dd>
            <code>{info.data?.dbPath ?? '…'}</code>
          </dd>
          <dt>Schema version</dt>
          <dd>{info.data?.schemaVersion ?? '…'}</dd>
          <dt>Base currency</dt>
          <dd>{info.data?.baseCurrency ?? '…'}</dd>
          <dt>Leads</dt>
          <dd>{info.data ? info.data.leadCount.toLocaleString() : '…'}</dd>
        </dl>
      </section>
      <BackupsSection onRestored={info.reload} />
    </div>
  );
}
