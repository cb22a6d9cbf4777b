/**
 * PINs a real store may not use: the demo's published ones (README: 1234 and 9999) and any a
 * passer-by guesses first (one digit repeated, a run up or down). Shape: 4 to 8 digits.
 */
export const DEMO_PINS: readonly string[] = ['1234', '9999'];

export type PinProblem = 'format' | 'demo' | 'repeated' | 'sequence';

export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d{4,8}$/.test(pin)) return 'format';
  if (DEMO_PINS.includes(pin)) return 'demo';
  if (/^(\d)\1+$/.test(pin)) return 'repeated';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'sequence';
  return null;
}

export const pinProblemWords: Record<PinProblem, string> = {
  format: 'must be 4 to 8 digits',
  demo: "is one of the demo's published PINs",
  repeated: 'is one digit repeated',
  sequence: 'is a run of digits up or down',
};
