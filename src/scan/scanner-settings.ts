import type { WedgeScannerOptions } from './wedge-scanner';

/**
 * How this device's hardware scanner is set up: the prefix and suffix it sends around each
 * code (many ship with e.g. an AIM identifier or a store prefix), kept per device because the
 * scanner is part of the device, not of the associate.
 */
export interface ScannerSettings {
  prefix: string;
  suffix: string;
}

const KEY = 'aisle.scanner';
const empty: ScannerSettings = { prefix: '', suffix: '' };
const listeners = new Set<() => void>();
let cached: ScannerSettings | undefined;

function clean(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 16) : '';
}

export function readScannerSettings(): ScannerSettings {
  if (cached) return cached;
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ScannerSettings> | null;
    cached = parsed ? { prefix: clean(parsed.prefix), suffix: clean(parsed.suffix) } : empty;
  } catch {
    cached = empty;
  }
  return cached;
}

export function saveScannerSettings(settings: ScannerSettings): void {
  cached = { prefix: clean(settings.prefix), suffix: clean(settings.suffix) };
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
  return { prefix: settings.prefix, suffix: settings.suffix };
}
