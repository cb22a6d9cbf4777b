import { describe, expect, it } from 'vitest';
import { parseGtin } from '../../../domain/gtin';
import { catalogueSize, productLineCode, productLines, seedProducts } from './products';
import { createRng } from './random';

const products = seedProducts(createRng(2024));

describe('seedProducts', () => {
  it('generates the default 2400 products, well over 2000', () => {
    expect(products).toHaveLength(2400);
    expect(catalogueSize).toBeGreaterThanOrEqual(2400);
    expect(productLines.length).toBeGreaterThanOrEqual(60);
    expect(new Set(productLines.map((l) => l.code)).size).toBe(productLines.length);
  });

  it('gives every product a barcode with a valid check digit and the declared length', () => {
    const lengths = { EAN13: 13, UPCA: 12, EAN8: 8 } as const;
    for (const p of products) {
      const parsed = parseGtin(p.barcode);
      expect(parsed.ok, p.barcode).toBe(true);
      if (parsed.ok) expect(parsed.kind).toBe(p.barcodeType);
      expect(p.barcode).toHaveLength(lengths[p.barcodeType]);
    }
  });

  it('keeps barcodes out of the in-store ranges and EAN-13 in the Italian GS1 range', () => {
    for (const p of products) {
      if (p.barcodeType === 'EAN13') {
        expect(p.barcode.startsWith('2')).toBe(false);
        expect(Number(p.barcode.slice(0, 3))).toBeGreaterThanOrEqual(800);
        expect(Number(p.barcode.slice(0, 3))).toBeLessThanOrEqual(839);
      }
      if (p.barcodeType === 'UPCA') expect(p.barcode.startsWith('2')).toBe(false);
    }
  });

  it('has unique SKUs and unique GTIN-14s across the whole catalogue', () => {
    const all = seedProducts(createRng(5), catalogueSize);
    const gtins = all.map((p) => {
      const parsed = parseGtin(p.barcode);
      return parsed.ok ? parsed.gtin14 : `bad:${p.barcode}`;
    });
    expect(new Set(gtins).size).toBe(all.length);
    expect(new Set(all.map((p) => p.sku)).size).toBe(all.length);
    for (const p of all) expect(p.sku).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{4}-[A-Z0-9]{3}-[A-Z0-9]+$/);
  });

  it('mixes barcode types: mostly EAN-13, some UPC-A and EAN-8', () => {
    const share = (type: string) => products.filter((p) => p.barcodeType === type).length / products.length;
    expect(share('EAN13')).toBeGreaterThan(0.75);
    expect(share('UPCA')).toBeGreaterThan(0.05);
    expect(share('UPCA')).toBeLessThan(0.2);
    expect(share('EAN8')).toBeGreaterThan(0.02);
    expect(share('EAN8')).toBeLessThan(0.1);
  });

  it('names, colours and sizes every product in both languages', () => {
    for (const p of products) {
      expect(p.nameIt.trim()).not.toBe('');
      expect(p.nameEn.trim()).not.toBe('');
      expect(p.colorIt.trim()).not.toBe('');
      expect(p.colorEn.trim()).not.toBe('');
      expect(p.size.trim()).not.toBe('');
      expect(p.brand.trim()).not.toBe('');
    }
    expect(products.some((p) => p.nameIt !== p.nameEn)).toBe(true);
  });

  it('prices in euro cents ending in 00, 50 or 90', () => {
    for (const p of products) {
      expect(Number.isInteger(p.priceCents)).toBe(true);
      expect(p.priceCents).toBeGreaterThan(0);
      expect(p.priceCents).toBeLessThan(100_000);
      expect(['00', '50', '90']).toContain(String(p.priceCents).slice(-2));
    }
  });

  it('covers every category and keeps each line in the assortment', () => {
    expect(new Set(products.map((p) => p.category)).size).toBe(8);
    const lines = new Set(products.map((p) => productLineCode(p.sku)));
    expect(lines.size).toBe(productLines.length);
    const beauty = products.filter((p) => p.category === 'beauty');
    expect(beauty.every((p) => !p.returnable)).toBe(true);
    expect(products.filter((p) => p.category === 'footwear').every((p) => p.returnable)).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(seedProducts(createRng(2024))).toEqual(products);
    expect(seedProducts(createRng(2025)).map((p) => p.barcode)).not.toEqual(products.map((p) => p.barcode));
  });

  it('honours count and rejects impossible counts', () => {
    expect(seedProducts(createRng(1), 50)).toHaveLength(50);
    expect(() => seedProducts(createRng(1), catalogueSize + 1)).toThrow(RangeError);
  });

  it('generates 2400 products in under 200 ms', () => {
    const start = performance.now();
    seedProducts(createRng(99));
    expect(performance.now() - start).toBeLessThan(200);
  });
});
