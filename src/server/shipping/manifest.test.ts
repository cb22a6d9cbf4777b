import { describe, expect, it } from 'vitest';
import type { ManifestShipment } from './carrier';
import { summariseManifest } from './manifest';
import { renderManifest } from './manifest-pdf';
import { customer, store } from './testing/fixtures';
import { readPdf } from './testing/pdf-content';

const shipments: ManifestShipment[] = [
  {
    carrierShipmentId: 'AISMI010000044T',
    reference: 'A-10050',
    service: 'next-day',
    to: { ...customer, city: 'Città di Castello', postcode: '06012', province: 'PG' },
    packages: [{ packageNumber: 1, trackingNumber: 'AISMI010000044T', weightGrams: 800 }],
  },
  {
    carrierShipmentId: 'AISMI010000042X',
    reference: 'A-10042',
    service: 'next-day',
    to: customer,
    packages: [
      { packageNumber: 2, trackingNumber: 'AISMI010000043V', weightGrams: 300 },
      { packageNumber: 1, trackingNumber: 'AISMI010000042X', weightGrams: 1250 },
    ],
  },
];

describe('end-of-day manifest', () => {
  it('lists one row per package, by order and package number, with totals that add up', () => {
    const { rows, totals } = summariseManifest(shipments);
    expect(rows.map((row) => [row.orderNumber, row.packageNumber, row.packageCount])).toEqual([
      ['A-10042', 1, 2],
      ['A-10042', 2, 2],
      ['A-10050', 1, 1],
    ]);
    expect(rows[2]).toEqual({
      trackingNumber: 'AISMI010000044T',
      orderNumber: 'A-10050',
      packageNumber: 1,
      packageCount: 1,
      weightGrams: 800,
      destinationPostcode: '06012',
      destinationCity: 'Città di Castello',
      destinationCountry: 'IT',
      service: 'next-day',
    });
    expect(totals).toEqual({ shipments: 2, packages: 3, weightGrams: 2350 });
    expect(totals.weightGrams).toBe(rows.reduce((sum, row) => sum + row.weightGrams, 0));
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('prints every tracking number, the totals and the signature boxes in the A4 PDF', async () => {
    const bytes = await renderManifest({
      language: 'it',
      carrierName: 'Aisle Fleet',
      manifestId: 'MI01-20260302-ABC123',
      shipDate: '2026-03-02',
      from: store,
      summary: summariseManifest(shipments),
    });
    const [page] = await readPdf(bytes);
    expect(page?.texts).toEqual(
      expect.arrayContaining([
        'Distinta di consegna',
        'Distinta MI01-20260302-ABC123',
        'AISMI010000042X',
        'AISMI010000043V',
        'AISMI010000044T',
        '06012 Città di Castello (IT)',
        '2,35 kg',
        'Autista (nome e firma)',
      ]),
    );
  });

  it('runs a busy day onto more pages without losing a row', async () => {
    const many: ManifestShipment[] = Array.from({ length: 120 }, (_, i) => ({
      carrierShipmentId: `S${i}`,
      reference: `A-${20000 + i}`,
      service: 'same-day',
      to: customer,
      packages: [{ packageNumber: 1, trackingNumber: `T${String(i).padStart(4, '0')}`, weightGrams: 1000 }],
    }));
    const pages = await readPdf(
      await renderManifest({
        language: 'en',
        carrierName: 'Aisle Fleet',
        manifestId: 'M1',
        shipDate: '2026-03-02',
        from: store,
        summary: summariseManifest(many),
      }),
    );
    expect(pages.length).toBeGreaterThan(2);
    const tracking = pages.flatMap((page) => page.texts).filter((text) => /^T\d{4}$/.test(text));
    expect(tracking).toEqual(many.map((s) => s.packages[0]?.trackingNumber));
    expect(pages.at(-1)?.texts).toContain('120.00 kg');
  });
});
