import { describe, expect, it } from 'vitest';
import { isCodeNotFetched } from './code-not-fetched';

describe('isCodeNotFetched', () => {
  it("knows each browser's words for a screen's code that could not be fetched", () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1:8080/assets/activity-page-CIKPEsVq.js',
      'Importing a module script failed.',
      'error loading dynamically imported module: http://127.0.0.1:8080/assets/x.js',
    ])
      expect(isCodeNotFetched(new TypeError(message)), message).toBe(true);
  });

  it('takes anything else for a crash', () => {
    expect(isCodeNotFetched(new TypeError("Cannot read properties of undefined (reading 'lines')"))).toBe(
      false,
    );
    expect(isCodeNotFetched(new Error('Failed to fetch'))).toBe(false);
    expect(isCodeNotFetched('dynamically imported module')).toBe(false);
    expect(isCodeNotFetched(null)).toBe(false);
  });
});
