import { useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';

const dismissedKey = 'leadledger.firstDay.dismissed';
const channelsKey = 'leadledger.firstDay.channels';

function sendCommand(detail: string) {
  window.dispatchEvent(new CustomEvent('leadledger:command', { detail }));
}

/** A database with this many leads is past its first day: the guide does not come back for it. */
const pastFirstDay = 100;

/**
 * The first-day path on a new database: the channels you use, your Upwork plan and opening Connects,
 * a first lead, a first statement import, a first time entry. Each step ticks itself from the data
 * (the channels also by "These are mine"); the guide disappears when every step is done, or when hidden.
 */
export function FirstDayGuide() {
  const steps = useAsync(() => api.app.firstDay({}), []);
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey) === '1');
  const [channelsOk, setChannelsOk] = useState(() => localStorage.getItem(channelsKey) === '1');
  const s = steps.data;
  if (!s || dismissed || s.leads >= pastFirstDay) return null;
  const items = [
    {
      key: 'channels',
      done: s.channels || channelsOk,
      label: 'The channels you use',
      hint: 'Archive the presets you never use, add your own (a podcast, a newsletter).',
      action: (
        <>
          <a href="#/sources">Review channels</a>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              localStorage.setItem(channelsKey, '1');
              setChannelsOk(true);
            }}
          >
            These are mine
          </button>
        </>
      ),
    },
    {
      key: 'connects',
      done: s.connects,
      label: 'Your Upwork plan and opening Connects',
      hint: 'Freelancer Plus goes in Costs as a subscription; the Connects Upwork shows today are your opening balance.',
      action: <a href="#/connects">Set the opening balance</a>,
    },
    {
      key: 'lead',
      done: s.lead,
      label: 'Your first lead',
      hint: 'Leads you bid on before today keep their real dates: created, applied, closed.',
      action: (
        <button type="button" className="link-button" onClick={() => sendCommand('new-lead')}>
          Add a lead
        </button>
      ),
    },
    {
      key: 'import',
      done: s.import,
      label: 'Import a statement',
      hint: 'Upwork, PayPal, Stripe, Wise or our CSV: payments, fees and Connects purchases.',
      action: <a href="#/import">Import a file</a>,
    },
    {
      key: 'time',
      done: s.time,
      label: 'Log time',
      hint: 'Sales and delivery hours make profit per hour.',
      action: <a href="#/sources">On Channels, or the clock on a card</a>,
    },
  ];
  const left = items.filter((i) => !i.done).length;
  if (left === 0) return null;
  // Open on an empty board; once there are leads it folds to one line, so the board keeps its height.
  return (
    // The Hide button sits beside the summary, not in it: a button inside <summary> is a nested control.
    <div className="first-day-wrap">
      <details className="first-day panel" open={s.leads === 0 ? true : undefined} aria-labelledby="first-day-title">
        <summary className="first-day-head">
          <h2 id="first-day-title">
            Your first day · {items.length - left} of {items.length} done
          </h2>
        </summary>
        <ol className="first-day-steps">
          {items.map((i) => (
            <li key={i.key} className={i.done ? 'done' : undefined} data-step={i.key}>
              <span className="first-day-mark" aria-hidden="true">
                {i.done ? '✓' : ''}
              </span>
              <span className="first-day-text">
                <strong>{i.label}</strong>
                {i.done ? <span className="sr-only"> (done)</span> : <span className="muted"> {i.hint}</span>}
              </span>
              {!i.done && <span className="first-day-action">{i.action}</span>}
            </li>
          ))}
        </ol>
      </details>
      <button
        type="button"
        className="link-button first-day-hide"
        onClick={() => {
          localStorage.setItem(dismissedKey, '1');
          setDismissed(true);
        }}
      >
        Hide this guide
      </button>
    </div>
  );
}
