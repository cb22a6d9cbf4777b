import { describe, expect, it } from 'vitest';
import { outlineOf } from './outline';

describe('outlineOf', () => {
  it('gives a thin linear code a tappable height around the same centre', () => {
    const outline = outlineOf(
      {
        topLeft: { x: 100, y: 100 },
        topRight: { x: 400, y: 100 },
        bottomRight: { x: 400, y: 102 },
        bottomLeft: { x: 100, y: 102 },
      },
      0,
    );
    const ys = outline.map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(100, 0);
    expect(outline[0]!.x).toBeCloseTo(100, 5);
    expect(outline[1]!.x).toBeCloseTo(400, 5);
  });

  it('follows a rotated code along its own axis', () => {
    const outline = outlineOf(
      {
        topLeft: { x: 0, y: 0 },
        topRight: { x: 100, y: 100 },
        bottomRight: { x: 50, y: 150 },
        bottomLeft: { x: -50, y: 50 },
      },
      0,
    );
    expect(outline[0]!.x).toBeCloseTo(0, 5);
    expect(outline[0]!.y).toBeCloseTo(0, 5);
    expect(outline[2]!.x).toBeCloseTo(50, 5);
    expect(outline[2]!.y).toBeCloseTo(150, 5);
  });
});
