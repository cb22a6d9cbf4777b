import { useId, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import {
  notificationPermission,
  readAlertsMuted,
  saveAlertsMuted,
  subscribeAlertPreferences,
} from './alert-preferences';

const words = {
  en: {
    title: 'Alerts',
    hint: 'A customer at the counter or in the car park, and a new order, sound a short tone and vibrate the device.',
    sound: 'Play a sound',
    allow: 'Allow notifications',
    allowHint: 'When the app is in the background, new orders and arriving customers show as notifications.',
    granted: 'Notifications are on for this device.',
    denied: 'Notifications are blocked in the browser settings of this device.',
    unsupported: 'This browser cannot show notifications.',
  },
  it: {
    title: 'Avvisi',
    hint: 'Un cliente al banco o al parcheggio, e un nuovo ordine, fanno suonare un breve tono e vibrare il dispositivo.',
    sound: 'Riproduci un suono',
    allow: 'Consenti le notifiche',
    allowHint:
      'Quando l’app è in secondo piano, i nuovi ordini e i clienti in arrivo compaiono come notifiche.',
    granted: 'Le notifiche sono attive su questo dispositivo.',
    denied: 'Le notifiche sono bloccate nelle impostazioni del browser di questo dispositivo.',
    unsupported: 'Questo browser non può mostrare notifiche.',
  },
} as const;

/** The alerts' settings: sound on or off, and the one place that asks for notifications. */
export function AlertSettings() {
  const { language } = useI18n();
  const w = words[language];
  const id = useId();
  const muted = useSyncExternalStore(subscribeAlertPreferences, readAlertsMuted);
  const [permission, setPermission] = useState(notificationPermission);

  const ask = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="alert-settings">
      <h2 id={`${id}-title`}>{w.title}</h2>
      <p>{w.hint}</p>
      <label className="check-row" htmlFor={`${id}-sound`}>
        <input
          id={`${id}-sound`}
          type="checkbox"
          checked={!muted}
          onChange={(event) => saveAlertsMuted(!event.target.checked)}
          data-testid="alert-sound"
        />
        <span>{w.sound}</span>
      </label>
      {permission === 'default' ? (
        <>
          <p>{w.allowHint}</p>
          <Button onClick={() => void ask()}>{w.allow}</Button>
        </>
      ) : (
        <p role="status">{w[permission]}</p>
      )}
    </section>
  );
}
