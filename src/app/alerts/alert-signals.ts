import { readAlertsMuted } from '../common/alert-preferences';

/**
 * How an alert reaches an associate who is not looking at the screen: a short tone (WebAudio,
 * allowed only after the first tap or key, and not when muted in Settings), a vibration where
 * the device has one, the app icon's badge where the platform shows one, and, while the app is
 * in the background, a system notification through the service worker (when allowed).
 */
let audio: AudioContext | undefined;

/** Browsers refuse sound until the user acted: the context is made on the first gesture. */
export function unlockSoundOnFirstGesture(): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const unlock = () => {
    stop();
    try {
      audio ??= new AudioContext();
      void audio.resume();
    } catch {
      // No WebAudio: the alert still vibrates and shows.
    }
  };
  function stop() {
    for (const event of events) window.removeEventListener(event, unlock, true);
  }
  for (const event of events) window.addEventListener(event, unlock, { capture: true, passive: true });
  return stop;
}

function tone(frequencies: readonly number[]): void {
  if (!audio || audio.state !== 'running' || readAlertsMuted()) return;
  const start = audio.currentTime;
  frequencies.forEach((frequency, index) => {
    const oscillator = audio!.createOscillator();
    const gain = audio!.createGain();
    const at = start + index * 0.18;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
    oscillator.connect(gain).connect(audio!.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.16);
  });
}

export type AlertKind = 'arrival' | 'order';

export function signal(kind: AlertKind): void {
  tone(kind === 'arrival' ? [880, 1175, 880] : [660, 880]);
  navigator.vibrate?.(kind === 'arrival' ? [200, 100, 200] : [150]);
}

/** The app icon's count, where the platform has one (installed PWAs on most desktops, Android). */
export function setIconBadge(count: number): void {
  const nav = navigator as Navigator & {
    setAppBadge?: (count?: number) => Promise<void>;
    clearAppBadge?: () => Promise<void>;
  };
  const done = count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.();
  void done?.catch(() => undefined);
}
