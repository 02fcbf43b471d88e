import { type FormEvent, useState, Fragment } from 'react';
import { ExpenseCreate } from '../../../shared/api/schemas/expenses';
import { expenseCategoryValues } from '../../../shared/domain/expense-categories';
import { categoryLabel } from './categoryLabels';
import type { Source } from '../../../shared/api/schemas/sources';
import { api } from '../../api';
import { formatDay, todayLocal } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { money } from '../../lib/reportFormat';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { DataActions } from '../import-export/DataActions';
import { DeleteButton } from './DeleteButton';
import { EditExpenseDialog } from './EditRecordDialogs';
import '../connects/connects.css';
import { listInput, Pager, RecordFilters, useRecordFilter } from './RecordList';
import { useShortfall } from './useShortfall';

type Category = (typeof expenseCategoryValues)[number];

export function ExpensesPanel({ sources, baseCurrency }: { sources: Source[]; baseCurrency: string }) {
  const { filter, change, page } = useRecordFilter();
  const recent = useAsync(() => api.expenses.list(listInput(filter)), [filter]);
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useFormErrors();
  const removal = useShortfall(remove);
  const [date, setDate] = useState(todayLocal());
  const [sourceId, setSourceId] = useState<number | ''>('');
  const [category, setCategory] = useState<Category>('connects');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('');
  const [connects, setConnects] = useState('');
  const [description, setDescription] = useState('');
  /** docs/domain.md §7: a negative expense of a category other than connects is a refund of a cost. */
  const [refund, setRefund] = useState(false);
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (category === 'connects' && connects.trim() !== '' && !/^\d+$/.test(connects.trim()))
      return form.setErrors({ connects: 'Whole numbers only' });
    const typed = amount.trim();
    const isRefund = refund && category !== 'connects';
    const input = {
      date,
      sourceId: sourceId === '' ? null : sourceId,
      category,
      amount: isRefund && typed !== '' && !typed.startsWith('-') ? `-${typed}` : typed,
      currency: currency.trim() || baseCurrency,
      description,
      connects: category === 'connects' && connects.trim() ? Number(connects) : 0,
    };
    // The API's own schema, so the form names the same field with the same words before any request.
    const checked = ExpenseCreate.safeParse(input);
    if (!checked.success)
      return form.setErrors(
        Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])),
      );
    const ok = await form.run(() => api.expenses.create(input), isRefund ? 'Refund added' : 'Expense added');
    if (ok) {
      setAmount('');
      setConnects('');
      setDescription('');
    }
  };
  return (
    <section className="panel" aria-labelledby="expenses-title">
      <div className="panel-heading">
        <h2 id="expenses-title">Expenses</h2>
        <DataActions kind="expenses" />
      </div>
      <p className="muted small">One-off costs. Expenses without a channel appear as “(no channel)” in reports.</p>
      <form className="cost-form" onSubmit={submit} noValidate aria-label="Add an expense">
        <Field label="Date" error={form.errors.date}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="Channel" error={form.errors.sourceId}>
          <select value={sourceId} onChange={(e) => setSourceId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">(no channel)</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Category" error={form.errors.category}>
          <select value={category} onChange={(e) => setCategory(e.target.value as Category)}>
            {expenseCategoryValues.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </Field>
        {category !== 'connects' && (
          <Field label="Kind">
            <select value={refund ? 'refund' : 'cost'} onChange={(e) => setRefund(e.target.value === 'refund')}>
              <option value="cost">Cost</option>
              <option value="refund">Refund</option>
            </select>
          </Field>
        )}
        <Field label={refund && category !== 'connects' ? 'Amount refunded' : 'Amount'} error={form.errors.amount}>
          <input
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="12.00"
          />
        </Field>
        <Field label="Currency" error={form.errors.currency}>
          <input
            type="text"
            className="upper"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            placeholder={baseCurrency}
            maxLength={3}
          />
        </Field>
        {category === 'connects' && (
          <Field label="Connects bought" error={form.errors.connects} hint="The Connects ledger counts them">
            <input
              type="text"
              inputMode="numeric"
              value={connects}
              onChange={(e) => setConnects(e.target.value)}
              placeholder="80"
            />
          </Field>
        )}
        <Field label="Description" error={form.errors.description}>
          <input
            type="text"
            className="wide-input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <button type="submit" className="primary" disabled={form.busy}>
          Add expense
        </button>
        <FormError message={form.errors.form} />
      </form>
      <FormError message={remove.errors.form} />
      {removal.prompt}
      <h3>
        All expenses{' '}
        {recent.data && <span className="muted">({recent.data.total.toLocaleString()}, newest first)</span>}
      </h3>
      <RecordFilters
        what="Expenses"
        sources={sources}
        filter={filter}
        onChange={change}
        noChannel
        error={recent.error?.message}
      />
      <table className="data-table compact" aria-label="Latest expenses">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Channel</th>
            <th scope="col">Category</th>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {recent.data?.items.length === 0 && (
            <tr>
              <td colSpan={6} className="table-empty">
                No expenses{filter.sourceId !== '' || filter.from || filter.to ? ' match these filters' : ' yet'}.
              </td>
            </tr>
          )}
          {recent.data?.items.map((e) => (
            <Fragment key={e.id}>
              <tr>
                <td>{formatDay(e.date)}</td>
                <td>{e.sourceName ?? '(no channel)'}</td>
                <td className="cell-words">
                  {categoryLabel(e.category)}
                  {e.connects ? ` (${e.connects})` : ''}
                  {e.amountMinor < 0 && e.category !== 'connects' && <span className="tag refund-tag">Refund</span>}
                  {e.category === 'connects' && e.connects === 0 && e.amountMinor > 0 && (
                    <span className="report-warning"> · no count: not in the ledger</span>
                  )}
                </td>
                <td>{e.description}</td>
                <td className="num">{money(e.amountMinor, e.currency)}</td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Edit expense of ${e.date}`}
                    onClick={() => setEditing(e.id)}
                  >
                    Edit
                  </button>
                  <DeleteButton
                    label={`Delete expense of ${e.date}`}
                    onDelete={() =>
                      removal.run(
                        (confirm) => api.expenses.delete({ id: e.id, ...(confirm ? { confirmShortfall: true } : {}) }),
                        `Deleted the expense of ${e.date}`,
                        {
                          undo: ({ undoId }) => api.undo.expense({ undoId }),
                          anchor: e.id,
                        },
                      )
                    }
                  />
                </td>
              </tr>
              {removal.promptAt(e.id) && (
                <tr className="shortfall-row">
                  <td colSpan={6}>{removal.promptAt(e.id)}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {recent.data && <Pager what="Expenses" total={recent.data.total} offset={filter.offset} onPage={page} />}
      {editing !== null && recent.data?.items.find((e) => e.id === editing) && (
        <EditExpenseDialog
          expense={recent.data.items.find((e) => e.id === editing)!}
          sources={sources}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
