import { useEffect } from 'react';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';

const storageKey = 'leadledger-notified-on';
const hour = 3_600_000;

/**
 * Once a day, a desktop notification of the follow-ups due today (the Notification API: Electron
 * and browsers both have it). Off in Settings; checked every hour so a new day is noticed.
 */
export function useDueNotifications(): void {
  useEffect(() => {
    if (!('Notification' in window)) return;
    let live = true;
    const check = async () => {
      const today = todayLocal();
      if (Notification.permission !== 'granted' || localStorage.getItem(storageKey) === today) return;
      const prefs = await api.preferences.get({});
      if (!live || !prefs.notifications) return;
      const due = (await api.agenda.list({})).filter((i) => i.lead.followUpOn === today);
      if (!live || due.length === 0) return;
      localStorage.setItem(storageKey, today);
      const titles = due.slice(0, 3).map((i) => i.lead.title);
      new Notification(`${due.length} follow-up${due.length === 1 ? '' : 's'} due today`, {
        body: titles.join('\n') + (due.length > 3 ? `\n…and ${due.length - 3} more` : ''),
        tag: 'leadledger-follow-ups',
      });
    };
    void check().catch(() => undefined);
    const timer = window.setInterval(() => void check().catch(() => undefined), hour);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
}
