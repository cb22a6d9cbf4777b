import { describe, expect, it } from 'vitest';
import { returnNumberCandidates } from './return-number';

describe('returnNumberCandidates', () => {
  it('starts with 6 hex digits of the return id and grows one digit at a time', () => {
    const candidates = returnNumberCandidates('MI01', '7f3a21c4-0d1e-4b7a-9c55-2e8f6a1b3c4d');
    expect(candidates.slice(0, 3)).toEqual(['R-MI01-7F3A21', 'R-MI01-7F3A21C', 'R-MI01-7F3A21C4']);
    expect(candidates.at(-1)).toBe('R-MI01-7F3A21C40D1E4B7A9C552E8F6A1B3C4D');
    expect(new Set(candidates).size).toBe(candidates.length);
  });
});
