import { useEffect, useRef } from 'react';
import { FAST_GAP_MS, isScanBurst } from './burst-shape';

export interface WedgeScannerOptions {
  /**
   * The pace this device's scanner types at, measured from one scan in Settings or set by hand
   * (src/scan/burst-shape.ts); null or unset when nobody has, and only fast bursts are scans.
   */
  scannerGapMs?: number | null;
  /** Shortest burst that counts as a scan, so a fast double key press is not one. */
  minLength?: number;
  /** Stripped when a scanner is set to send one (e.g. an AIM symbology id such as "]E0"). */
  prefix?: string;
  /** Stripped when a scanner is set to send one before its Enter or Tab. */
  suffix?: string;
}

const DEFAULTS = {
  scannerGapMs: null,
  minLength: 3,
  prefix: '',
  suffix: '',
} satisfies Required<WedgeScannerOptions>;

/** A pause this long ends any burst: nobody's scanner stalls for it mid-code. */
const breakGapOf = (scannerGapMs: number | null) => Math.max(FAST_GAP_MS * 8, (scannerGapMs ?? 0) * 4);

/** Inputs handle their own typing, scanner or not; the wedge listener only catches what lands elsewhere. */
function isEditable(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

export function stripAffixes(code: string, prefix: string, suffix: string): string {
  let result = code;
  if (prefix && result.startsWith(prefix)) result = result.slice(prefix.length);
  if (suffix && result.endsWith(suffix)) result = result.slice(0, -suffix.length);
  return result.trim();
}

/**
 * Listens on `document` for bursts of keys ended by Enter or Tab while no text field has
 * focus, and hands each to `onBurst` with its keys' time stamps (the terminator's last). When
 * `onBurst` returns true the terminator is kept from clicking a focused button or moving focus.
 */
export function listenForBursts(
  onBurst: (text: string, stamps: readonly number[]) => boolean,
  breakGapMs: number,
  target: Document = document,
): () => void {
  let buffer = '';
  let stamps: number[] = [];
  let lastKeyAt = 0;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || isEditable(event.target) || event.isComposing) {
      buffer = '';
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey) {
      buffer = '';
      return;
    }
    const now = event.timeStamp || performance.now();
    const gap = now - lastKeyAt;
    lastKeyAt = now;

    if (event.key === 'Enter' || event.key === 'Tab') {
      const text = buffer;
      const burst = [...stamps, now];
      buffer = '';
      stamps = [];
      if (text && gap <= breakGapMs && onBurst(text, burst)) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (event.key.length !== 1) return; // Shift, arrows and the like neither add nor break a burst.
    if (buffer && gap <= breakGapMs) {
      buffer += event.key;
      stamps.push(now);
    } else {
      buffer = event.key;
      stamps = [now];
    }
  };

  target.addEventListener('keydown', onKeyDown, true);
  return () => target.removeEventListener('keydown', onKeyDown, true);
}

/**
 * Listens on `document` for the burst a keyboard-wedge scanner types (characters, then Enter
 * or Tab) while no text field has focus. A burst is a scan by its pace and shape
 * ({@link isScanBurst}): fast, or even at the pace this device's scanner was measured at.
 * Returns the function that stops listening.
 */
export function listenForWedgeScans(
  onScan: (code: string) => void,
  options: WedgeScannerOptions = {},
  target: Document = document,
): () => void {
  // `??` and not a spread: the hook passes unset options as explicit undefined.
  const scannerGapMs = options.scannerGapMs ?? DEFAULTS.scannerGapMs;
  const minLength = options.minLength ?? DEFAULTS.minLength;
  const prefix = options.prefix ?? DEFAULTS.prefix;
  const suffix = options.suffix ?? DEFAULTS.suffix;
  const stop = listenForBursts(
    (text, stamps) => {
      if (!isScanBurst(stamps, { minLength, scannerGapMs })) return false;
      const stripped = stripAffixes(text, prefix, suffix);
      if (stripped) onScan(stripped);
      // The terminator belongs to the scan: it must not click a focused button or move focus.
      return true;
    },
    breakGapOf(scannerGapMs),
    target,
  );
  // A stand-in document (the unit tests') may have no root element to note it on.
  const root = target.documentElement as HTMLElement | null | undefined;
  if (root) noteListening(root, +1);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    stop();
    if (root) noteListening(root, -1);
  };
}

/**
 * Says on the page whether a scan step is listening for the scanner (`data-wedge-scanner`), for
 * tests and support: a scan typed while a screen is still opening has nowhere to go.
 */
const listeners = new WeakMap<HTMLElement, number>();
function noteListening(root: HTMLElement, change: number): void {
  const count = (listeners.get(root) ?? 0) + change;
  listeners.set(root, count);
  if (count > 0) root.dataset.wedgeScanner = 'listening';
  else delete root.dataset.wedgeScanner;
}

/** Active while `enabled`: a scan step turns it on, a dialog over the step turns it off. */
export function useWedgeScanner(
  onScan: (code: string) => void,
  { enabled = true, ...options }: WedgeScannerOptions & { enabled?: boolean } = {},
): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });
  const { scannerGapMs, minLength, prefix, suffix } = options;
  useEffect(() => {
    if (!enabled) return;
    return listenForWedgeScans((code) => onScanRef.current(code), {
      scannerGapMs,
      minLength,
      prefix,
      suffix,
    });
  }, [enabled, scannerGapMs, minLength, prefix, suffix]);
}
