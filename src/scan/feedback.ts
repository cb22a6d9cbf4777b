export const scanOutcomes = ['success', 'wrongItem', 'alreadyComplete', 'unknown', 'error'] as const;
export type ScanOutcome = (typeof scanOutcomes)[number];

/** [frequency Hz, duration ms] notes, each followed by a short gap. */
type Note = readonly [number, number];

// Each pattern differs in pitch AND rhythm, so outcomes stay distinguishable on a noisy floor
// and for people who cannot tell pitches apart.
const tones: Record<ScanOutcome, readonly Note[]> = {
  success: [[1320, 90]],
  wrongItem: [
    [330, 180],
    [220, 320],
  ],
  alreadyComplete: [
    [880, 90],
    [880, 90],
  ],
  unknown: [
    [520, 120],
    [520, 120],
    [520, 120],
  ],
  error: [[180, 500]],
};

const vibrations: Record<ScanOutcome, number[]> = {
  success: [60],
  wrongItem: [250, 100, 250],
  alreadyComplete: [80, 80, 80],
  unknown: [100, 60, 100, 60, 100],
  error: [500],
};

const NOTE_GAP_S = 0.06;

let audio: AudioContext | undefined;

/** Browsers only allow sound after a user gesture; the first tap or key press creates the context. */
function ensureAudio(): AudioContext | undefined {
  if (audio) {
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    return audio;
  }
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return undefined;
  try {
    audio = new Ctor();
  } catch {
    return undefined;
  }
  return audio;
}

/** Call once at start-up. Returns the function that removes the gesture listeners. */
export function installAudioUnlock(target: Document = document): () => void {
  const unlock = () => {
    if (ensureAudio()) remove();
  };
  const remove = () => {
    target.removeEventListener('pointerdown', unlock, true);
    target.removeEventListener('keydown', unlock, true);
  };
  target.addEventListener('pointerdown', unlock, true);
  target.addEventListener('keydown', unlock, true);
  return remove;
}

function playTone(outcome: ScanOutcome): void {
  // Never create the context here: outside a gesture it would start suspended and warn.
  if (!audio) return;
  ensureAudio();
  let at = audio.currentTime + 0.01;
  for (const [frequency, durationMs] of tones[outcome]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    const duration = durationMs / 1000;
    oscillator.type = outcome === 'success' ? 'sine' : 'square';
    oscillator.frequency.setValueAtTime(frequency, at);
    // Short ramps avoid clicks at the start and end of each note.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + duration + 0.02);
    at += duration + NOTE_GAP_S;
  }
}

function vibrate(outcome: ScanOutcome): void {
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return;
  try {
    navigator.vibrate(vibrations[outcome]);
  } catch {
    // Some browsers throw when vibration is blocked by policy; feedback still shows on screen.
  }
}

type Listener = (outcome: ScanOutcome) => void;
const listeners = new Set<Listener>();

/** Lets any view flash the outcome, e.g. a banner; returns the unsubscribe function. */
export function onScanFeedback(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Sound, vibration and an event for the visual flash. Each channel works alone, so a muted
 * device still vibrates and shows the banner.
 */
export function playScanFeedback(outcome: ScanOutcome): ScanOutcome {
  try {
    playTone(outcome);
  } catch {
    // Audio is a bonus; never let it break the scan flow.
  }
  vibrate(outcome);
  for (const listener of listeners) listener(outcome);
  return outcome;
}
