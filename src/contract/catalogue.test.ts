import { describe, expect, it } from 'vitest';
import { fromCatalogueColumns, toCatalogueColumns, type CatalogueRow } from './catalogue';

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
