import { describe, expect, it } from 'vitest';
import { boardLabel, maskedNumber, privateName } from './kiosk-views';

describe('privacy-safe identifiers', () => {
  it('keeps the first name and the initial of the last', () => {
    expect(privateName('Chiara Test')).toBe('Chiara T.');
    expect(privateName('  Anna  Maria de  rossi ')).toBe('Anna R.');
    expect(privateName('Cher')).toBe('Cher');
  });
  it('shows only the last 3 of the order number', () => {
    expect(maskedNumber('MI01-000042')).toBe('•••042');
    expect(boardLabel('MI01-000042', 'chiara test')).toBe('042 · C.');
  });
});
