import { useEffect, useRef } from 'react';

export interface WedgeScannerOptions {
  /**
   * Longest average pause between the keys of one scan. Scanners type every few ms; people
   * don't. The average, not each gap, decides: a busy main thread can deliver one key of a
   * real scan late, which must not split the scan in two.
   */
  maxKeyGapMs?: number;
  /** Shortest burst that counts as a scan, so a fast double key press is not one. */
  minLength?: number;
  /** Stripped when a scanner is set to send one (e.g. an AIM symbology id such as "]E0"). */
  prefix?: string;
  /** Stripped when a scanner is set to send one before its Enter or Tab. */
  suffix?: string;
}

const DEFAULTS = {
  maxKeyGapMs: 50,
  minLength: 3,
  prefix: '',
  suffix: '',
} satisfies Required<WedgeScannerOptions>;

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
 * Listens on `document` for the burst a keyboard-wedge scanner types (characters, then Enter
 * or Tab) while no text field has focus. Returns the function that stops listening.
 */
export function listenForWedgeScans(
  onScan: (code: string) => void,
  options: WedgeScannerOptions = {},
  target: Document = document,
): () => void {
  // `??` and not a spread: the hook passes unset options as explicit undefined.
  const maxKeyGapMs = options.maxKeyGapMs ?? DEFAULTS.maxKeyGapMs;
  const minLength = options.minLength ?? DEFAULTS.minLength;
  const prefix = options.prefix ?? DEFAULTS.prefix;
  const suffix = options.suffix ?? DEFAULTS.suffix;
  let buffer = '';
  let lastKeyAt = 0;
  let burstStartedAt = 0;
  // A pause this long ends any burst: nobody's scanner stalls for it mid-code.
  const breakGapMs = maxKeyGapMs * 8;

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
      const code = buffer;
      buffer = '';
      const averageGap = (now - burstStartedAt) / Math.max(code.length, 1);
      if (code.length >= minLength && gap <= breakGapMs && averageGap <= maxKeyGapMs) {
        // The terminator belongs to the scan: it must not click a focused button or move focus.
        event.preventDefault();
        event.stopPropagation();
        const stripped = stripAffixes(code, prefix, suffix);
        if (stripped) onScan(stripped);
      }
      return;
    }
    if (event.key.length !== 1) return; // Shift, arrows and the like neither add nor break a burst.
    if (buffer && gap <= breakGapMs) {
      buffer += event.key;
    } else {
      buffer = event.key;
      burstStartedAt = now;
    }
  };

  target.addEventListener('keydown', onKeyDown, true);
  return () => target.removeEventListener('keydown', onKeyDown, true);
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
  const { maxKeyGapMs, minLength, prefix, suffix } = options;
  useEffect(() => {
    if (!enabled) return;
    return listenForWedgeScans((code) => onScanRef.current(code), { maxKeyGapMs, minLength, prefix, suffix });
  }, [enabled, maxKeyGapMs, minLength, prefix, suffix]);
}
