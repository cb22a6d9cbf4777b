import { describe, expect, it } from 'vitest';
import { stepHold, type HoldState } from './hold';

const frame = { width: 640, height: 480 };
const middle = { trackId: 1, centre: { x: 320, y: 240 } };

describe('hold in the middle to pick', () => {
  it('takes a code held in the middle for the hold time, once', () => {
    let state: HoldState = {};
    const takes: number[] = [];
    for (let t = 0; t <= 2000; t += 100) {
      const step = stepHold(state, middle, frame, t);
      state = step.state;
      if (step.take) takes.push(t);
    }
    expect(takes).toEqual([800]);
  });

  it('starts over when the code leaves the middle, or another code takes its place', () => {
    let state = stepHold({}, middle, frame, 0).state;
    state = stepHold(state, middle, frame, 500).state;
    state = stepHold(state, { trackId: 1, centre: { x: 20, y: 20 } }, frame, 600).state;
    expect(stepHold(state, middle, frame, 700).take).toBe(false);
    state = stepHold(state, middle, frame, 700).state;
    expect(stepHold(state, { trackId: 2, centre: middle.centre }, frame, 1600).take).toBe(false);
  });

  it('can take the same code again after it left the middle', () => {
    let state = stepHold({}, middle, frame, 0).state;
    state = stepHold(state, middle, frame, 800).state;
    expect(state.spent).toBe(true);
    state = stepHold(state, undefined, frame, 900).state;
    state = stepHold(state, middle, frame, 1000).state;
    expect(stepHold(state, middle, frame, 1800).take).toBe(true);
  });
});
