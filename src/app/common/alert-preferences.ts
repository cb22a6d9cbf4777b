/**
 * This device's alert settings (sound on or off), kept in localStorage and shared by the alerts
 * on every screen and the Settings page.
 */
const MUTED_KEY = 'aisle.alerts.muted';
const listeners = new Set<() => void>();

export function readAlertsMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveAlertsMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function subscribeAlertPreferences(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether system notifications can be shown: granted, blocked, not asked, or not supported. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}
