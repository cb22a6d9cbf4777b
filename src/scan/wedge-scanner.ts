import { useEffect, useRef } from 'react';
import { FAST_GAP_MS, isScanBurst, MAX_SCANNER_GAP_MS } from './burst-shape';

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
  // Whoever listens for bursts (a scan step, Settings learning a pace) takes the scans: none is
  // held for a screen still opening meanwhile (holdScansBetweenSteps).
  takers.set(target, (takers.get(target) ?? 0) + 1);
  const stop = addBurstListener(onBurst, breakGapMs, target);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    stop();
    takers.set(target, (takers.get(target) ?? 1) - 1);
  };
}

/** Listeners taking bursts now, per document. */
const takers = new WeakMap<object, number>();

function addBurstListener(
  onBurst: (text: string, stamps: readonly number[]) => boolean,
  breakGapMs: number,
  target: Document,
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
  // A scan that came while the screen was opening is this step's: handed over once it is
  // listening, and only if it is still listening then (React may mount a step twice).
  const handOver = setTimeout(() => {
    const early = stopped ? null : takeHeldScan(target);
    if (early) onScan(early);
  }, 0);
  return () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(handOver);
    stop();
    if (root) noteListening(root, -1);
  };
}

/** How long a scan that no step took waits for the step of the screen that is opening. */
export const HOLD_SCAN_MS = 1_500;
const held = new WeakMap<object, { code: string; at: number }>();

function takeHeldScan(target: Document): string | null {
  const scan = held.get(target);
  held.delete(target);
  return scan && Date.now() - scan.at <= HOLD_SCAN_MS ? scan.code : null;
}

/**
 * Catches a scan that lands while no scan step listens: the associate scanned as the next screen
 * was opening (after a tap, a route change, a chunk still arriving). It is kept for
 * {@link HOLD_SCAN_MS} and handed to the first scan step that starts listening in that time,
 * instead of being lost without a word. The app shell runs it for as long as it is open, and
 * says through `opening` whether a screen is opening (it just navigated): a scan on a settled
 * screen without a scan step, or under a dialog, is not kept for later. `options` is read at
 * each burst, so a pace learned in Settings applies at once.
 */
export function holdScansBetweenSteps(
  options: () => WedgeScannerOptions,
  { opening = () => true, target = document }: { opening?: () => boolean; target?: Document } = {},
): () => void {
  return addBurstListener(
    (text, stamps) => {
      // A step takes it; and a scan on a settled screen with no step is not one for later.
      if ((takers.get(target) ?? 0) > 0 || !opening()) return false;
      const { scannerGapMs = null, minLength = DEFAULTS.minLength, prefix = '', suffix = '' } = options();
      if (!isScanBurst(stamps, { minLength, scannerGapMs })) return false;
      const code = stripAffixes(text, prefix, suffix);
      if (code) held.set(target, { code, at: Date.now() });
      return true;
    },
    // Whatever pace is set later: the burst's shape decides, not where it was cut.
    breakGapOf(MAX_SCANNER_GAP_MS),
    target,
  );
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
