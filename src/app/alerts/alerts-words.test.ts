import { describe, expect, it } from 'vitest';
import { alertsWords } from './alerts-words';

describe('alerts words', () => {
  it('fills the placeholders in both languages', () => {
    expect(alertsWords('en')('spot', { spot: '4' })).toBe('Parking spot 4');
    expect(alertsWords('it')('curbside', { name: 'Giulia', number: 'W1' })).toBe(
      'Giulia aspetta al parcheggio per l’ordine W1.',
    );
  });
});
