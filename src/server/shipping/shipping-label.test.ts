import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { code128Bars } from '../pdf/code128-bars';
import { labelSize, moduleWidthFor, renderShippingLabel, type ShippingLabel } from './shipping-label';
import { customer, store } from './testing/fixtures';
import { rasterise, readPdf } from './testing/pdf-content';
import { readCode128 } from './testing/read-code128';

const label: ShippingLabel = {
  carrierName: 'Aisle Fleet',
  serviceName: 'Next day',
  trackingNumber: 'AISMI010000042X',
  orderNumber: 'A-10042',
  packageNumber: 2,
  packageCount: 3,
  weightGrams: 1250,
  shipDate: '2026-03-02',
  from: store,
  to: customer,
};

describe('renderShippingLabel', () => {
  it('is a one-page PDF of 4×6 inches (288×432 pt)', async () => {
    const doc = await PDFDocument.load(await renderShippingLabel(label));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    expect(labelSize).toEqual({ width: 288, height: 432 });
  });

  it('prints both addresses, accents included, and the package, weight, order and carrier', async () => {
    const [page] = await readPdf(await renderShippingLabel(label));
    expect(page?.texts).toEqual(
      expect.arrayContaining([
        'Aisle Fleet',
        'Next day',
        'Aisle Milano Duomo',
        '20123 Milano (MI)',
        'Niccolò Bianchi',
        'Piazza della Città 3',
        'Scala B, interno 4',
        '50122 Firenze (FI)',
        '2 / 3',
        '1,25 kg',
        'A-10042',
        '2026-03-02',
        'AISMI010000042X',
      ]),
    );
  });

  it.each([203, 300])('draws a Code 128 that reads back as the tracking number at %i dpi', async (dpi) => {
    const [page] = await readPdf(await renderShippingLabel(label));
    expect(page?.filledRects.length).toBe(code128Bars(label.trackingNumber).bars.length);
    expect(await readCode128(rasterise(page!, dpi))).toEqual([label.trackingNumber]);
  });

  it('encodes the carrier barcode when it differs, and still prints the tracking number', async () => {
    const ups = {
      ...label,
      carrierName: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      barcode: '420501229612345678901234567890',
    };
    const [page] = await readPdf(await renderShippingLabel(ups));
    expect(await readCode128(rasterise(page!, 203))).toEqual([ups.barcode]);
    expect(page?.texts).toContain('TRACKING 1Z999AA10123456784');
  });

  it('snaps the module to 3 printer dots, 2 for a long number, and refuses one that cannot fit', () => {
    const dot = 72 / 203;
    expect(moduleWidthFor(code128Bars('AISMI010000042X').modules)).toBeCloseTo(3 * dot);
    expect(moduleWidthFor(code128Bars('JJD0001234567890ABCDEFG').modules)).toBeCloseTo(2 * dot);
    expect(() => moduleWidthFor(code128Bars('ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghij').modules)).toThrow(
      RangeError,
    );
  });

  it('writes the same bytes for the same label (no dates or random ids), so a reprint is identical', async () => {
    expect(await renderShippingLabel(label)).toEqual(await renderShippingLabel(label));
  });

  it('replaces characters WinAnsi lacks instead of failing', async () => {
    const abroad = { ...label, to: { ...customer, name: 'Łukasz 東' } };
    const [page] = await readPdf(await renderShippingLabel(abroad));
    expect(page?.texts).toContain('Lukasz ?');
  });
});
