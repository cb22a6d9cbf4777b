import { MAX_SCANNER_GAP_MS } from './burst-shape';
import type { WedgeScannerOptions } from './wedge-scanner';

/**
 * How this device's hardware scanner is set up: the prefix and suffix it sends around each
 * code (many ship with e.g. an AIM identifier or a store prefix), kept per device because the
 * scanner is part of the device, not of the associate. `gapMs` is the pace it types at, learned
 * from one scan in Settings or set by hand; null until then, when only fast scanners are read.
 */
export interface ScannerSettings {
  prefix: string;
  suffix: string;
  gapMs: number | null;
}

const KEY = 'aisle.scanner';
const empty: ScannerSettings = { prefix: '', suffix: '', gapMs: null };
const listeners = new Set<() => void>();
let cached: ScannerSettings | undefined;

function clean(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 16) : '';
}

/** A pace Aisle can use, in whole ms from 0 to the slowest it accepts; anything else is "not set". */
export function cleanGap(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_SCANNER_GAP_MS) {
    return null;
  }
  return Math.round(value);
}

function cleaned(settings: Partial<ScannerSettings>): ScannerSettings {
  return { prefix: clean(settings.prefix), suffix: clean(settings.suffix), gapMs: cleanGap(settings.gapMs) };
}

export function readScannerSettings(): ScannerSettings {
  if (cached) return cached;
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ScannerSettings> | null;
    cached = parsed ? cleaned(parsed) : empty;
  } catch {
    cached = empty;
  }
  return cached;
}

export function saveScannerSettings(settings: ScannerSettings): void {
  cached = cleaned(settings);
  try {
    localStorage.setItem(KEY, JSON.stringify(cached));
  } catch {
    // Storage blocked: the settings hold until the page closes.
  }
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore. */
export function subscribeScannerSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wedgeOptionsOf(settings: ScannerSettings): WedgeScannerOptions {
  return { prefix: settings.prefix, suffix: settings.suffix, scannerGapMs: settings.gapMs };
}
