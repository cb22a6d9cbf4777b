import { describe, expect, it } from 'vitest';
import { burstShape, isScanBurst, learnPace } from './burst-shape';

/** Time stamps of `length` characters and a terminator, each `gap(i)` ms after the last. */
function stamps(length: number, gap: (i: number) => number, start = 1000): number[] {
  const out = [start];
  for (let i = 0; i < length; i += 1) out.push(out[out.length - 1]! + gap(i));
  return out;
}

const EAN = 13;
// What a person typing a 13-digit code looks like: quick runs, hesitations, a pause before Enter.
const personGaps = [90, 140, 85, 210, 120, 95, 300, 110, 130, 88, 160, 105, 420];

describe('isScanBurst', () => {
  it.each([0, 20, 50, 100])('reads a scanner measured at %i ms between characters', (gap) => {
    const learned = learnPace(stamps(EAN, () => gap));
    expect(learned).toEqual({ ok: true, gapMs: gap });
    const scannerGapMs = learned.ok ? learned.gapMs : null;
    // The next scan comes with a little jitter, as USB polling and a busy page give it.
    const jittered = stamps(EAN, (i) => gap + (i % 3) * 4);
    expect(isScanBurst(jittered, { minLength: 3, scannerGapMs })).toBe(true);
  });

  it('reads fast scanners without any setting, as always', () => {
    expect(
      isScanBurst(
        stamps(EAN, () => 8),
        { minLength: 3, scannerGapMs: null },
      ),
    ).toBe(true);
    expect(
      isScanBurst(
        stamps(EAN, () => 0),
        { minLength: 3, scannerGapMs: null },
      ),
    ).toBe(true);
  });

  it('does not read a 100-ms scanner until its pace is known', () => {
    expect(
      isScanBurst(
        stamps(EAN, () => 100),
        { minLength: 3, scannerGapMs: null },
      ),
    ).toBe(false);
  });

  it('does not take a person typing for a slow scanner, even on a device set to 100 ms', () => {
    const typed = stamps(personGaps.length - 1, (i) => personGaps[i]!);
    expect(isScanBurst(typed, { minLength: 3, scannerGapMs: 100 })).toBe(false);
    expect(burstShape(typed).even).toBe(false);
  });

  it('does not take even typing followed by a pause before Enter for a scan', () => {
    const evenThenPause = stamps(EAN, (i) => (i === EAN - 1 ? 600 : 100));
    expect(isScanBurst(evenThenPause, { minLength: 3, scannerGapMs: 100 })).toBe(false);
  });

  it('does not read bursts much slower than the scanner was measured at', () => {
    expect(
      isScanBurst(
        stamps(EAN, () => 200),
        { minLength: 3, scannerGapMs: 100 },
      ),
    ).toBe(false);
  });

  it('keeps the shortest length', () => {
    expect(
      isScanBurst(
        stamps(2, () => 5),
        { minLength: 3, scannerGapMs: null },
      ),
    ).toBe(false);
  });
});

describe('learnPace', () => {
  it('refuses to learn from a person typing, a short code or a crawl', () => {
    expect(learnPace(stamps(personGaps.length - 1, (i) => personGaps[i]!))).toEqual({
      ok: false,
      reason: 'uneven',
    });
    expect(learnPace(stamps(4, () => 30))).toEqual({ ok: false, reason: 'short' });
    expect(learnPace(stamps(EAN, () => 400))).toEqual({ ok: false, reason: 'slow' });
  });

  it('rounds to 5 ms and keeps a late key from spoiling the measure', () => {
    expect(learnPace(stamps(EAN, (i) => (i === 5 ? 180 : 102)))).toEqual({ ok: true, gapMs: 100 });
  });
});
