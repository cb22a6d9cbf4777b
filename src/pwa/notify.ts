/**
 * Shows a system notification through the service worker while the app is in the background
 * (a hidden tab, a locked handheld), when the associate allowed notifications. In the
 * foreground the app's own alerts speak instead.
 */
export async function notifyInBackground(title: string, tag: string): Promise<void> {
  if (!document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted')
    return;
  const registration = await navigator.serviceWorker?.getRegistration();
  await registration?.showNotification(title, {
    tag,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
  });
}
