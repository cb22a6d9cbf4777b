import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-policy';

describe('pin policy', () => {
  it("refuses the demo's PINs and the first guesses", () => {
    expect(pinProblem('1234')).toBe('demo');
    expect(pinProblem('9999')).toBe('demo');
    expect(pinProblem('0000')).toBe('repeated');
    expect(pinProblem('4321')).toBe('sequence');
    expect(pinProblem('7890')).toBe('sequence');
    expect(pinProblem('123')).toBe('format');
    expect(pinProblem('12a4')).toBe('format');
  });

  it('accepts an ordinary PIN', () => {
    expect(pinProblem('2871')).toBeNull();
    expect(pinProblem('50193746')).toBeNull();
  });
});
