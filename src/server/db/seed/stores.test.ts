import { describe, expect, it } from 'vitest';
import { seedStores } from './stores';
import type { Weekday } from './stores';

const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('seedStores', () => {
  it('lists at least ten stores, Milano Duomo first and Monza present', () => {
    expect(seedStores.length).toBeGreaterThanOrEqual(10);
    expect(seedStores[0]?.id).toBe('MI01');
    expect(seedStores[0]?.name).toBe('Aisle Milano Duomo');
    expect(seedStores.some((s) => s.id === 'MZ01' && s.city === 'Monza')).toBe(true);
    expect(new Set(seedStores.map((s) => s.id)).size).toBe(seedStores.length);
  });

  it('places every store inside Italy with precise coordinates and an Italian postcode', () => {
    for (const store of seedStores) {
      expect(store.lat).toBeGreaterThan(35.4);
      expect(store.lat).toBeLessThan(47.1);
      expect(store.lng).toBeGreaterThan(6.6);
      expect(store.lng).toBeLessThan(18.6);
      expect(String(store.lat).split('.')[1]?.length).toBe(4);
      expect(String(store.lng).split('.')[1]?.length).toBe(4);
      expect(store.postcode).toMatch(/^\d{5}$/);
      expect(store.timezone).toBe('Europe/Rome');
    }
  });

  it('has well-formed opening hours with ordered intervals', () => {
    for (const store of seedStores) {
      for (const day of weekdays) {
        let previousClose = '00:00';
        for (const { open, close } of store.openingHours[day]) {
          expect(open).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          expect(close).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          expect(open > previousClose || previousClose === '00:00').toBe(true);
          expect(close > open).toBe(true);
          previousClose = close;
        }
      }
      expect(store.openingHours.mon.length).toBeGreaterThan(0);
    }
    expect(seedStores.some((s) => s.openingHours.tue.length === 2)).toBe(true);
    expect(seedStores.some((s) => s.openingHours.sun.length === 0)).toBe(true);
  });

  it('gives every store scannable staging locations with chain-wide unique codes', () => {
    const codes = seedStores.flatMap((s) => s.stagingLocations.map((l) => l.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const store of seedStores) {
      const kinds = store.stagingLocations.map((l) => l.kind);
      expect(kinds.filter((k) => k === 'shelf')).toHaveLength(20);
      expect(kinds.filter((k) => k === 'locker')).toHaveLength(6);
      expect(kinds.filter((k) => k === 'curbside')).toHaveLength(4);
      for (const location of store.stagingLocations) {
        expect(location.code).toMatch(new RegExp(`^${store.id}-[ABLC]\\d{2}$`));
        expect(location.label.length).toBeGreaterThan(0);
      }
    }
    const mi01 = seedStores[0]?.stagingLocations.map((l) => l.code) ?? [];
    expect(mi01).toContain('MI01-A01');
    expect(mi01).toContain('MI01-B08');
    expect(mi01).toContain('MI01-L06');
    expect(mi01).toContain('MI01-C04');
  });
});
