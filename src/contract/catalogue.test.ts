import { describe, expect, it } from 'vitest';
import {
  fromCatalogueColumns,
  PRODUCT_IMAGE_URL_MAX_LENGTH,
  productImageBody,
  toCatalogueColumns,
  type CatalogueRow,
} from './catalogue';

const row = (i: number): CatalogueRow => ({
  id: `id-${i}`,
  sku: `SKU-${i}`,
  gtin14: String(i).padStart(14, '0'),
  brand: 'Brand',
  nameIt: 'Scarpa',
  nameEn: 'Shoe',
  size: String(38 + i),
  priceCents: 1000 + i,
  aisle: i % 2 ? 'A01' : null,
  bay: i % 2 ? '03' : null,
});

describe('a catalogue in columns', () => {
  it('gives back the rows it was made of, in order', () => {
    const rows = [row(1), row(2), row(3)];
    const columns = toCatalogueColumns(rows);
    expect(columns.sku).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
    expect(fromCatalogueColumns(columns)).toEqual(rows);
    expect(fromCatalogueColumns(toCatalogueColumns([]))).toEqual([]);
  });

  it('refuses columns of unequal length rather than reading a shorter catalogue', () => {
    const columns = toCatalogueColumns([row(1), row(2)]);
    expect(() => fromCatalogueColumns({ ...columns, nameEn: ['Shoe'] })).toThrow(/unequal/);
  });
});

describe('a product picture’s address', () => {
  const takes = (imageUrl: unknown) => productImageBody.safeParse({ imageUrl }).success;

  it('takes an https address with a host, or null to remove the picture', () => {
    expect(takes('https://images.example.com/p/SNK-ROMA-BLK-42.jpg')).toBe(true);
    expect(takes('https://cdn.example.com:8443/a%20b.webp?w=320&v=2')).toBe(true);
    expect(takes(null)).toBe(true);
  });

  it('refuses anything a customer’s page should not load', () => {
    for (const bad of [
      'http://images.example.com/p.jpg', // the page is https: a plain-http picture is mixed content
      'HTTPS://images.example.com/p.jpg', // stored as sent, so the scheme is written as the database checks it
      'javascript:alert(1)',
      'data:image/svg+xml,<svg/>',
      '//images.example.com/p.jpg',
      '/product-images/shoe.svg', // the server's own paths are the demo's, not the platform's
      'https://',
      'https:///images.example.com/p.jpg',
      'https://\\images.example.com/p.jpg',
      'https://user:secret@images.example.com/p.jpg',
      'https://images.example.com/a b.jpg',
      'https://images.example.com/p.jpg\n',
      '',
      42,
    ]) {
      expect(takes(bad), String(bad)).toBe(false);
    }
  });

  it('refuses an address longer than any real one', () => {
    const base = 'https://images.example.com/';
    expect(takes(base + 'a'.repeat(PRODUCT_IMAGE_URL_MAX_LENGTH - base.length))).toBe(true);
    expect(takes(base + 'a'.repeat(PRODUCT_IMAGE_URL_MAX_LENGTH - base.length + 1))).toBe(false);
  });
});
