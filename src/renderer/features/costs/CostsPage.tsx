import { useAsync } from '../../lib/useAsync';
import { api } from '../../api';
import { useSources } from '../../lib/useSources';
import { CostModelsPanel } from './CostModelsPanel';
import { ExpensesPanel } from './ExpensesPanel';
import { PaymentsPanel } from './PaymentsPanel';
import { SubscriptionsPanel } from './SubscriptionsPanel';
import '../reports/reports.css';

export function CostsPage() {
  const sources = useSources(false);
  const info = useAsync(() => api.app.info({}), []);
  const list = sources.data ?? [];
  const base = info.data?.baseCurrency ?? 'USD';
  return (
    <div className="page costs-page">
      <header className="page-header">
        <div>
          <h1>Costs</h1>
          <p className="page-summary">
            Cost models, subscriptions, payments and expenses. Amounts in {base} unless you enter another currency; the
            base currency and exchange rates are in <a href="#/settings">Settings</a>.
          </p>
        </div>
      </header>
      {sources.error && (
        <p className="form-error" role="alert">
          {sources.error.message}
        </p>
      )}
      <div className="costs-grid">
        {list.length > 0 && <CostModelsPanel sources={list} baseCurrency={base} />}
        <SubscriptionsPanel sources={list} baseCurrency={base} />
        <PaymentsPanel sources={list} baseCurrency={base} />
        <ExpensesPanel sources={list} baseCurrency={base} />
      </div>
    </div>
  );
}
