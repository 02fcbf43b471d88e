import { useState } from 'react';

const supported = typeof window !== 'undefined' && 'Notification' in window;

/** Asks for the browser's permission with a click (browsers refuse to ask without one). */
export function NotificationsOffer() {
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported || permission === 'granted') return null;
  if (permission === 'denied') return <p className="muted small">Desktop notifications are blocked for this page.</p>;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Notify me of follow-ups due today
    </button>
  );
}
