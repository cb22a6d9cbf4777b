import { describe, expect, it } from 'vitest';
import { parseGtin } from '../../../domain/gtin';
import { chainCatalogueSize, chainProducts, chainStores } from './chain';
import { createRng } from './random';
import { seedStores } from './stores';

describe('chainStores', () => {
  const stores = chainStores(createRng(7), 200);

  it('makes 200 stores with unique ids, the demo stores first and unchanged', () => {
    expect(stores).toHaveLength(200);
    expect(new Set(stores.map((s) => s.id)).size).toBe(200);
    for (const [i, demo] of seedStores.entries()) {
      expect(stores[i]).toMatchObject({ id: demo.id, lat: demo.lat, lng: demo.lng, name: demo.name });
    }
  });

  it('places every store in Italy or a neighbouring country, on land near a city centre', () => {
    for (const store of stores) {
      expect(store.lat).toBeGreaterThan(36);
      expect(store.lat).toBeLessThan(53);
      expect(store.lng).toBeGreaterThan(-4);
      expect(store.lng).toBeLessThan(19);
      expect(store.id).toMatch(/^[A-Z]{2,3}\d{2}$/);
      expect(store.timezone).toMatch(/^Europe\//);
    }
    expect(stores.filter((s) => s.timezone === 'Europe/Rome').length).toBeGreaterThan(120);
  });

  it('is the same for the same seed', () => {
    expect(chainStores(createRng(7), 200)).toEqual(stores);
  });
});

describe('chainProducts', () => {
  const products = chainProducts(createRng(7), 20_000);

  it('makes 20,000 products with unique SKUs and unique, valid GTINs', () => {
    expect(chainCatalogueSize).toBeGreaterThanOrEqual(20_000);
    expect(products).toHaveLength(20_000);
    expect(new Set(products.map((p) => p.sku)).size).toBe(20_000);
    const gtins = products.map((p) => {
      const parsed = parseGtin(p.barcode);
      if (!parsed.ok) throw new Error(`${p.sku}: ${p.barcode} is not a GTIN (${parsed.code})`);
      return parsed.gtin14;
    });
    expect(new Set(gtins).size).toBe(20_000);
    expect(new Set(products.map((p) => p.barcode.length))).toEqual(new Set([8, 12, 13]));
  });

  it('names every product in Italian and English with a brand and a positive price', () => {
    for (const p of products) {
      expect(p.nameIt.length).toBeGreaterThan(2);
      expect(p.nameEn.length).toBeGreaterThan(2);
      expect(p.brand.length).toBeGreaterThan(1);
      expect(p.priceCents).toBeGreaterThan(0);
    }
  });

  it('refuses more products than the seasons can hold', () => {
    expect(() => chainProducts(createRng(1), chainCatalogueSize + 1)).toThrow(RangeError);
  });
});
