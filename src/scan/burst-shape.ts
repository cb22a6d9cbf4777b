/**
 * Telling a keyboard-wedge scanner from a person by the shape of a burst of keys.
 *
 * A scanner types every character of a code at the same pace, set in the scanner (Zebra's
 * DataWedge "inter-character delay", Honeywell's "intercharacter delay"), then sends Enter or
 * Tab at that same pace. A person's keys come unevenly, and the Enter after a pause. So:
 *
 * - a fast burst (keys at most {@link FAST_GAP_MS} apart on average) is a scan, whatever its
 *   shape, as it always was: nobody types that fast, and a busy main thread may deliver one key
 *   of a real scan late;
 * - a slower burst is a scan only on a device whose scanner was measured (or set by hand) to
 *   type that slowly, and only when its keys, the terminator included, come evenly at that pace.
 */

/** Every scanner out of the box types faster than this; no person does, on average. */
export const FAST_GAP_MS = 50;
/** The slowest scanner pace Aisle accepts: DataWedge sites raise the delay in 100-ms steps. */
export const MAX_SCANNER_GAP_MS = 150;
/** A learned pace needs a code at least this long, so a few hasty keys cannot teach one. */
export const MIN_LEARN_LENGTH = 6;
/** Share of the gaps, the terminator's included, that must sit at the burst's own pace. */
const EVEN_SHARE = 0.8;

/** How far a gap may stray from the pace and still be "the same": USB polling, timers, a busy page. */
export function paceTolerance(paceMs: number): number {
  return Math.max(25, paceMs * 0.25);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface BurstShape {
  /** Characters in the burst, the terminator not counted. */
  length: number;
  /** Middle gap between keys, the terminator's gap included. */
  medianGapMs: number;
  averageGapMs: number;
  /** Whether the keys, the terminator included, came at one pace. */
  even: boolean;
}

/**
 * The shape of a burst from the time stamps of its keys: the characters' and, last, the
 * terminator's. Needs at least two stamps.
 */
export function burstShape(stamps: readonly number[]): BurstShape {
  const gaps = stamps.slice(1).map((at, i) => Math.max(0, at - stamps[i]!));
  if (gaps.length === 0) return { length: stamps.length - 1, medianGapMs: 0, averageGapMs: 0, even: false };
  const medianGapMs = median(gaps);
  const averageGapMs = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  const tolerance = paceTolerance(medianGapMs);
  const atPace = gaps.filter((gap) => Math.abs(gap - medianGapMs) <= tolerance).length;
  const terminatorGap = gaps[gaps.length - 1]!;
  const even = atPace >= gaps.length * EVEN_SHARE && Math.abs(terminatorGap - medianGapMs) <= tolerance;
  return { length: stamps.length - 1, medianGapMs, averageGapMs, even };
}

/**
 * Whether a terminated burst is a scan on this device. `scannerGapMs` is the pace its scanner
 * was measured or set to type at; null when nobody has (the fast default only).
 */
export function isScanBurst(
  stamps: readonly number[],
  { minLength, scannerGapMs }: { minLength: number; scannerGapMs: number | null },
): boolean {
  const shape = burstShape(stamps);
  if (shape.length < minLength) return false;
  if (shape.averageGapMs <= FAST_GAP_MS) return true;
  if (scannerGapMs === null || scannerGapMs <= 0) return false;
  const pace = Math.min(scannerGapMs, MAX_SCANNER_GAP_MS);
  return shape.even && shape.medianGapMs <= pace + paceTolerance(pace);
}

export type LearnedPace = { ok: true; gapMs: number } | { ok: false; reason: 'short' | 'uneven' | 'slow' };

/**
 * What one scan teaches about the scanner's pace: its middle gap, rounded to 5 ms. Refused
 * when the code is too short to tell, when the keys came unevenly (a person typing), or when
 * they came slower than any scanner Aisle accepts.
 */
export function learnPace(stamps: readonly number[]): LearnedPace {
  const shape = burstShape(stamps);
  if (shape.length < MIN_LEARN_LENGTH) return { ok: false, reason: 'short' };
  if (!shape.even && shape.averageGapMs > FAST_GAP_MS) return { ok: false, reason: 'uneven' };
  if (shape.medianGapMs > MAX_SCANNER_GAP_MS + paceTolerance(MAX_SCANNER_GAP_MS)) {
    return { ok: false, reason: 'slow' };
  }
  return { ok: true, gapMs: Math.min(MAX_SCANNER_GAP_MS, Math.round(shape.medianGapMs / 5) * 5) };
}
