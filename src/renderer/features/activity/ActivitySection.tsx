import { format } from 'date-fns';
import { errorsByField } from '../../components/useFormErrors';
import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { formatDateTime, formatDay, formatValue } from '../../lib/format';
import { typedDayOf } from '../../../shared/domain/typed-day';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { type ActivityKind, activityKindLabels, type TimelineItem } from '../../../shared/api/schemas/activity';
import { stageLabels } from '../../../shared/domain/stages';

const loggable: ActivityKind[] = ['note', 'message', 'call', 'meeting', 'proposal'];

/** What happened with a lead: logged activity, stage changes and payments, newest first. */
export function ActivitySection({ leadId }: { leadId: number }) {
  const timeline = useAsync(() => api.activity.timeline({ leadId }), [leadId]);
  const [logging, setLogging] = useState(false);
  const toast = useToast();
  const remove = async (id: number) => {
    try {
      const { undoId } = await api.activity.delete({ id });
      const undo =
        undoId &&
        (() => api.undo.activity({ undoId }).catch((e: Error) => toast.error(`Could not undo: ${e.message}`)));
      toast.info('Activity deleted', undo ? { undo } : undefined);
    } catch (e) {
      toast.error(`Could not delete the activity: ${(e as Error).message}`);
    }
  };
  return (
    <section className="panel activity" aria-labelledby="activity-title">
      <div className="panel-head">
        <h2 id="activity-title">Activity</h2>
        {!logging && (
          <button type="button" onClick={() => setLogging(true)}>
            Log activity
          </button>
        )}
      </div>
      {logging && <LogForm leadId={leadId} onClose={() => setLogging(false)} />}
      {timeline.error && (
        <p className="form-error" role="alert">
          Could not load the activity: {timeline.error.message}
        </p>
      )}
      {timeline.data && (
        <ol className="timeline" aria-label="Timeline">
          {timeline.data.map((item) => (
            <TimelineLine key={keyOf(item)} item={item} onDelete={remove} />
          ))}
        </ol>
      )}
    </section>
  );
}

function keyOf(item: TimelineItem): string {
  if (item.type === 'activity') return `a${item.activity.id}`;
  if (item.type === 'payment') return `p${item.paymentId}`;
  return `s${item.at}${item.toStage}`;
}

function TimelineLine({ item, onDelete }: { item: TimelineItem; onDelete: (id: number) => void }) {
  if (item.type === 'activity') {
    const a = item.activity;
    return (
      <li className={`timeline-item kind-${a.kind}`}>
        <span className="timeline-kind">{activityKindLabels[a.kind]}</span>
        <span className="timeline-text">{a.text}</span>
        <time dateTime={a.at}>{formatDateTime(a.at)}</time>
        <button
          type="button"
          className="link-button"
          aria-label={`Delete ${activityKindLabels[a.kind].toLowerCase()} of ${formatDateTime(a.at)}`}
          onClick={() => onDelete(a.id)}
        >
          Delete
        </button>
      </li>
    );
  }
  if (item.type === 'payment') {
    return (
      <li className="timeline-item kind-payment">
        <span className="timeline-kind">Payment</span>
        <span className="timeline-text">
          {formatValue(item.grossMinor, item.currency)}
          {item.feeMinor ? ` (fee ${formatValue(item.feeMinor, item.currency)})` : ''}
        </span>
        <time dateTime={item.at.slice(0, 10)}>{formatDateTime(item.at).replace(/, .*/, '')}</time>
        <span />
      </li>
    );
  }
  return (
    <li className="timeline-item kind-stage">
      <span className="timeline-kind">Stage</span>
      <span className="timeline-text">
        {item.fromStage
          ? `${stageLabels[item.fromStage]} → ${stageLabels[item.toStage]}`
          : `Added as ${stageLabels[item.toStage]}`}
      </span>
      <time dateTime={item.at}>{typedDayOf(item.at) ? formatDay(typedDayOf(item.at)!) : formatDateTime(item.at)}</time>
      <span />
    </li>
  );
}

function LogForm({ leadId, onClose }: { leadId: number; onClose: () => void }) {
  const toast = useToast();
  const [kind, setKind] = useState<ActivityKind>('message');
  const [at, setAt] = useState(() => format(new Date(), "yyyy-MM-dd'T'HH:mm"));
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const when = new Date(at);
    if (Number.isNaN(when.getTime())) return setErrors({ at: 'Use a date and time' });
    setSaving(true);
    try {
      await api.activity.create({ leadId, kind, at: when.toISOString(), text });
      toast.info(`${activityKindLabels[kind]} logged`);
      onClose();
    } catch (e) {
      setErrors(errorsByField(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="log-form" noValidate onSubmit={submit} aria-label="Log activity">
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="log-fields">
        <Field label="Kind" error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)} autoFocus>
            {loggable.map((k) => (
              <option key={k} value={k}>
                {activityKindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="When" error={errors.at} hint={kind === 'meeting' ? 'A meeting may be planned ahead' : undefined}>
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </Field>
        <Field label="What happened" error={errors.text} className="log-text">
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </div>
      <div className="log-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save activity
        </button>
      </div>
    </form>
  );
}
