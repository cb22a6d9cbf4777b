import { describe, expect, it } from 'vitest';
import { distanceKm, EARTH_RADIUS_KM, nearestFirst } from './distance';

const milanoDuomo = { lat: 45.4654, lng: 9.1941 };
const monza = { lat: 45.5829, lng: 9.2738 };
const romaCorso = { lat: 41.9008, lng: 12.4806 };
const napoli = { lat: 40.8421, lng: 14.2486 };
const torino = { lat: 45.0672, lng: 7.6827 };

describe('distanceKm', () => {
  it('is zero from a point to itself', () => {
    expect(distanceKm(milanoDuomo, milanoDuomo)).toBe(0);
  });

  it.each([
    // from, to, km (reference: the spherical law of cosines, R = 6371.0088 km, computed apart)
    ['Milano Duomo → Monza', milanoDuomo, monza, 14.47],
    ['Milano Duomo → Torino', milanoDuomo, torino, 126.3],
    ['Milano Duomo → Roma', milanoDuomo, romaCorso, 476.29],
    ['Roma → Napoli', romaCorso, napoli, 188.74],
  ])('%s ≈ %f km', (_label, from, to, km) => {
    expect(distanceKm(from, to)).toBeCloseTo(km, 1);
  });

  it('matches a textbook figure: London to Paris is about 343.5 km', () => {
    expect(distanceKm({ lat: 51.5074, lng: -0.1278 }, { lat: 48.8566, lng: 2.3522 })).toBeCloseTo(343.5, 0);
  });

  it('is symmetric', () => {
    expect(distanceKm(milanoDuomo, napoli)).toBe(distanceKm(napoli, milanoDuomo));
  });

  it('crosses the antimeridian the short way and reaches half the circumference at the antipode', () => {
    expect(distanceKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111.2, 0);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(distanceKm({ lat: 90, lng: 0 }, { lat: -90, lng: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('refuses coordinates that are not on the Earth', () => {
    expect(() => distanceKm({ lat: 91, lng: 0 }, monza)).toThrow(RangeError);
    expect(() => distanceKm(monza, { lat: 0, lng: -180.1 })).toThrow(RangeError);
    expect(() => distanceKm({ lat: Number.NaN, lng: 0 }, monza)).toThrow(RangeError);
  });
});

describe('nearestFirst', () => {
  const stores = [
    { id: 'NA01', ...napoli },
    { id: 'TO01', ...torino },
    { id: 'MZ01', ...monza },
    { id: 'RM01', ...romaCorso },
  ];

  it('orders places by distance from the origin and reports each distance', () => {
    const ordered = nearestFirst(milanoDuomo, stores);
    expect(ordered.map((s) => s.id)).toEqual(['MZ01', 'TO01', 'RM01', 'NA01']);
    expect(ordered[0]?.distanceKm).toBeCloseTo(14.4, 0);
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i]!.distanceKm).toBeGreaterThanOrEqual(ordered[i - 1]!.distanceKm);
    }
  });

  it('is seen from the origin: from Napoli, Roma comes first and Torino last', () => {
    expect(nearestFirst(napoli, stores).map((s) => s.id)).toEqual(['NA01', 'RM01', 'MZ01', 'TO01']);
  });

  it('keeps the input order for equal distances and leaves the input untouched', () => {
    const twins = [
      { id: 'B', ...monza },
      { id: 'A', ...monza },
    ];
    expect(nearestFirst(milanoDuomo, twins).map((s) => s.id)).toEqual(['B', 'A']);
    expect(twins.map((s) => s.id)).toEqual(['B', 'A']);
  });

  it('answers an empty list with an empty list', () => {
    expect(nearestFirst(milanoDuomo, [])).toEqual([]);
  });
});
