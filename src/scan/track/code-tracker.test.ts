import { describe, expect, it } from 'vitest';
import type { Detection } from './code-tracker';
import { centreOf, CodeTracker } from './code-tracker';

/** A 100×40 code whose top-left corner is at (x, y). */
function code(text: string, x: number, y: number): Detection {
  return {
    text,
    format: 'EAN_13',
    corners: {
      topLeft: { x, y },
      topRight: { x: x + 100, y },
      bottomRight: { x: x + 100, y: y + 40 },
      bottomLeft: { x, y: y + 40 },
    },
  };
}

describe('CodeTracker', () => {
  it('counts a code once however many frames read it, and only after a second read', () => {
    const tracker = new CodeTracker();
    tracker.update([code('A', 100, 100)], 0);
    expect(tracker.counts().get('A')).toBeUndefined();
    for (let frame = 1; frame < 30; frame++) tracker.update([code('A', 100 + frame, 100)], frame * 33);
    expect(tracker.counts()).toEqual(new Map([['A', 1]]));
  });

  it('counts two units with the same code side by side as two', () => {
    const tracker = new CodeTracker();
    for (let frame = 0; frame < 3; frame++)
      tracker.update([code('A', 50, 100), code('A', 300, 100), code('B', 550, 100)], frame * 33);
    expect(tracker.counts()).toEqual(
      new Map([
        ['A', 2],
        ['B', 1],
      ]),
    );
  });

  it('does not count a code again when the camera pans away and back: the scene carries it', () => {
    const tracker = new CodeTracker();
    let t = 0;
    // Three codes in a row; the camera pans right by 20 px a frame, so they move left.
    const scene = (shift: number) =>
      [code('A', 100 - shift, 100), code('B', 300 - shift, 100), code('C', 500 - shift, 100)].filter(
        (d) => d.corners.topLeft.x >= 0,
      );
    for (let shift = 0; shift <= 200; shift += 20) tracker.update(scene(shift), (t += 33));
    // A left the picture at shift 120; pan back.
    for (let shift = 200; shift >= 0; shift -= 20) tracker.update(scene(shift), (t += 33));
    expect(tracker.counts()).toEqual(
      new Map([
        ['A', 1],
        ['B', 1],
        ['C', 1],
      ]),
    );
  });

  it('counts a second unit of the same code that comes into view beside other codes', () => {
    const tracker = new CodeTracker();
    let t = 0;
    for (let i = 0; i < 3; i++) tracker.update([code('A', 100, 100), code('B', 300, 100)], (t += 33));
    // Same view, and another A appears far from the first, which is still read.
    for (let i = 0; i < 3; i++)
      tracker.update([code('A', 100, 100), code('B', 300, 100), code('A', 500, 300)], (t += 33));
    expect(tracker.counts().get('A')).toBe(2);
  });

  it('takes the same content back in view as the same code when nothing else tells the motion', () => {
    const tracker = new CodeTracker();
    tracker.update([code('A', 100, 100)], 0);
    tracker.update([code('A', 100, 100)], 33);
    tracker.update([], 66);
    tracker.update([], 1000);
    tracker.update([code('A', 400, 300)], 1033);
    expect(tracker.counts().get('A')).toBe(1);
  });

  it('keeps drawing a code between reads, moved on by its own motion, and lets it go after a while', () => {
    const tracker = new CodeTracker({ holdMs: 500, maxPredictMs: 200 });
    tracker.update([code('A', 100, 100)], 0);
    tracker.update([code('A', 110, 100)], 100); // 0.1 px/ms to the right (smoothed)
    const between = tracker.view(150)[0]!;
    expect(centreOf(between.corners).x).toBeGreaterThan(160);
    expect(centreOf(between.corners).x).toBeLessThan(170);
    // Missed in the next frame: still drawn.
    tracker.update([], 200);
    expect(tracker.view(250)).toHaveLength(1);
    // A slow decoder that missed it once is not a lost code: still drawn a while later.
    expect(tracker.view(900)).toHaveLength(1);
    // Missed in three decoded frames in a row, and holdMs gone: no longer drawn.
    tracker.update([], 300);
    tracker.update([], 400);
    expect(tracker.view(450)).toHaveLength(1);
    expect(tracker.view(700)).toHaveLength(0);
  });

  it('a different code where a tracked one was is a new track', () => {
    const tracker = new CodeTracker();
    tracker.update([code('A', 100, 100)], 0);
    const started = tracker.update([code('B', 100, 100)], 33);
    expect(started.map((track) => track.text)).toEqual(['B']);
  });

  it('reset starts a new count', () => {
    const tracker = new CodeTracker();
    tracker.update([code('A', 100, 100)], 0);
    tracker.update([code('A', 100, 100)], 33);
    tracker.reset();
    expect(tracker.counts().size).toBe(0);
    expect(tracker.tracks).toHaveLength(0);
  });
});
