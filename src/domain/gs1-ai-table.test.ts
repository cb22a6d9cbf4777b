import { describe, expect, it } from 'vitest';
import { fixedDataLength, gs1Ai, gs1AiAt, hasPredefinedLength } from './gs1-ai-table';

function definition(ai: string) {
  const found = gs1Ai(ai);
  if (!found) throw new Error(`AI ${ai} missing from the table`);
  return found;
}

describe('the GS1 AI table', () => {
  it('reads GS1 format notation into parts', () => {
    expect(gs1Ai('01')?.parts).toEqual([{ charset: 'N', min: 14, max: 14, checkDigit: true }]);
    expect(gs1Ai('10')?.parts).toEqual([{ charset: 'X', min: 1, max: 20, checkDigit: false }]);
    expect(gs1Ai('8003')?.parts).toEqual([
      { charset: 'N', min: 14, max: 14, checkDigit: true },
      { charset: 'X', min: 0, max: 16, checkDigit: false },
    ]);
    expect(gs1Ai('3933')?.parts).toEqual([
      { charset: 'N', min: 3, max: 3, checkDigit: false },
      { charset: 'N', min: 1, max: 15, checkDigit: false },
    ]);
  });

  it('finds 2-, 3- and 4-digit AIs at a position (GS1 AIs are prefix-free)', () => {
    expect(gs1AiAt('0109506000134352', 0)?.ai).toBe('01');
    expect(gs1AiAt('xx4100614141000005', 2)?.ai).toBe('410');
    expect(gs1AiAt('3103000123', 0)).toMatchObject({ ai: '3103', unit: 'kg', decimals: 3 });
    expect(gs1AiAt('3106000123', 0)).toBeUndefined(); // decimals run 0–5
    expect(gs1AiAt('23', 0)).toBeUndefined();
  });

  it('knows which AIs have a fixed length and which GS1 predefined', () => {
    expect(fixedDataLength(definition('00'))).toBe(18);
    expect(fixedDataLength(definition('422'))).toBe(3);
    expect(fixedDataLength(definition('10'))).toBeUndefined();
    expect(['01', '17', '3103', '410'].every(hasPredefinedLength)).toBe(true);
    // Fixed length, but not predefined: GS1 still wants a GS after (422) and (402).
    expect(hasPredefinedLength('422')).toBe(false);
    expect(hasPredefinedLength('402')).toBe(false);
  });
});
