import { useState } from 'react';
import { api } from '../api';
import { navigate } from '../lib/useRoute';
import { useToast } from './Toasts';

function sendCommand(detail: string) {
  window.dispatchEvent(new CustomEvent('leadledger:command', { detail }));
}

/** First run: what the app is for, and three ways to start. */
export function Welcome() {
  const toast = useToast();
  const [loading, setLoading] = useState(false);
  const loadSample = async () => {
    setLoading(true);
    try {
      const done = await api.sample.load({});
      toast.info(`Loaded ${done.leads} sample leads, ${done.payments} payments and ${done.expenses} expenses.`);
    } catch (e) {
      toast.error(`Could not load the sample data: ${(e as Error).message}`);
    } finally {
      setLoading(false);
    }
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">No leads yet</h2>
      <p>
        LeadLedger keeps every job lead from every channel in one pipeline: Upwork bids and their Connects, Fiverr
        orders, LinkedIn messages, referrals, your own website. Move leads from New to Won, plan follow-ups, and see
        which channels actually pay once costs and fees are counted.
      </p>
      <div className="welcome-actions">
        <button type="button" className="primary" onClick={loadSample} disabled={loading} aria-busy={loading}>
          {loading ? 'Loading sample data…' : 'Load sample data'}
        </button>
        <button type="button" onClick={() => navigate('import')}>
          Import CSV
        </button>
        <button type="button" onClick={() => sendCommand('new-lead')}>
          New lead
        </button>
      </div>
      <p className="muted">
        Sample data is made up: 400 leads over 18 months on the preset channels, with payments and costs. It goes into
        this database, next to anything you add, so try it on a spare database file if you want to keep yours clean.
      </p>
    </section>
  );
}
