import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseFleetTrackingNumber } from '../../domain/fleet-tracking-number';
import { CarrierError, carrierErrorCodes } from './carrier-error';
import { createOwnFleetCarrier } from './own-fleet-carrier';
import { shipmentRequest, store } from './testing/fixtures';
import { rasterise, readPdf } from './testing/pdf-content';
import { readCode128 } from './testing/read-code128';

/** A per-store counter, as the database sequence will be. */
function counter(start = 0) {
  const next = new Map<string, number>();
  return async (storeId: string) => {
    const value = (next.get(storeId) ?? start) + 1;
    next.set(storeId, value);
    return value;
  };
}

async function errorOf(promise: Promise<unknown>): Promise<CarrierError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CarrierError)) throw new Error(`expected a CarrierError, got ${String(error)}`);
  return error;
}

describe('own fleet carrier', () => {
  it('gives each package a valid fleet number from the store sequence, and a 4×6 label that scans as it', async () => {
    const carrier = createOwnFleetCarrier({ nextSequence: counter(41) });
    const shipment = await carrier.createShipment(shipmentRequest());
    expect(shipment.packages.map((p) => p.trackingNumber)).toEqual(['AISMI010000042X', 'AISMI010000043V']);
    expect(shipment.carrierShipmentId).toBe('AISMI010000042X');
    for (const [i, pkg] of shipment.packages.entries()) {
      expect(parseFleetTrackingNumber(pkg.trackingNumber)).toEqual({ storeCode: 'MI01', sequence: 42 + i });
      expect(pkg).toMatchObject({ idempotencyKey: `order-42/${i + 1}`, packageNumber: i + 1 });
      if (pkg.label.kind !== 'pdf') throw new Error('own fleet labels are PDFs');
      const doc = await PDFDocument.load(pkg.label.pdf);
      expect(doc.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
      const [page] = await readPdf(pkg.label.pdf);
      expect(page?.texts).toEqual(expect.arrayContaining(['Aisle Fleet', 'Next day', `${i + 1} / 2`]));
      expect(await readCode128(rasterise(page!, 203))).toEqual([pkg.trackingNumber]);
    }
  });

  it('never issues a number twice, across shipments and stores', async () => {
    const carrier = createOwnFleetCarrier({ nextSequence: counter() });
    const numbers: string[] = [];
    for (const storeId of ['MI01', 'RM02', 'MI01', 'RM02', 'MI01']) {
      const shipment = await carrier.createShipment(shipmentRequest({ storeId }));
      numbers.push(...shipment.packages.map((p) => p.trackingNumber));
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => parseFleetTrackingNumber(n) !== undefined)).toBe(true);
  });

  it.each([
    [
      'a destination abroad',
      shipmentRequest({ to: { ...store, country: 'FR', postcode: '75001' } }),
      carrierErrorCodes.addressRejected,
    ],
    [
      'a malformed postcode',
      shipmentRequest({ to: { ...store, postcode: '2012' } }),
      carrierErrorCodes.addressRejected,
    ],
    ['an unknown service', shipmentRequest({ service: 'overnight' }), carrierErrorCodes.serviceNotOffered],
    [
      'a store id that is no store code',
      shipmentRequest({ storeId: 'milano' }),
      carrierErrorCodes.notConfigured,
    ],
  ])('refuses %s with a stable code', async (_, request, code) => {
    const error = await errorOf(createOwnFleetCarrier({ nextSequence: counter() }).createShipment(request));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(false);
  });

  it('refuses a package out of weight or size before using a sequence number', async () => {
    let used = 0;
    const carrier = createOwnFleetCarrier({ nextSequence: async () => ++used });
    const [first, second] = shipmentRequest().packages;
    const heavy = await errorOf(
      carrier.createShipment(shipmentRequest({ packages: [first!, { ...second!, weightGrams: 31_000 }] })),
    );
    expect(heavy).toMatchObject({ code: carrierErrorCodes.weightOutOfRange, statusCode: 422 });
    expect(heavy.details).toMatchObject({ packageNumber: 2, weightGrams: 31_000, maxGrams: 30_000 });
    const big = await errorOf(
      carrier.createShipment(
        shipmentRequest({
          packages: [{ ...first!, dimensions: { lengthMm: 1500, widthMm: 300, heightMm: 200 } }],
        }),
      ),
    );
    expect(big.code).toBe(carrierErrorCodes.dimensionsOutOfRange);
    expect(used).toBe(0);
  });

  it('closes the day into a manifest whose id is the same for the same shipments', async () => {
    const carrier = createOwnFleetCarrier({ nextSequence: counter(41) });
    const created = await carrier.createShipment(shipmentRequest());
    const request = {
      storeId: 'MI01',
      shipDate: '2026-03-02',
      from: store,
      language: 'en' as const,
      shipments: [
        {
          carrierShipmentId: created.carrierShipmentId,
          reference: 'A-10042',
          service: 'next-day',
          to: shipmentRequest().to,
          packages: created.packages.map((p, i) => ({
            packageNumber: p.packageNumber,
            trackingNumber: p.trackingNumber,
            weightGrams: shipmentRequest().packages[i]!.weightGrams,
          })),
        },
      ],
    };
    const manifest = await carrier.closeDay(request);
    expect(manifest.manifestId).toMatch(/^MI01-20260302-[0-9A-F]{6}$/);
    expect((await carrier.closeDay(request)).manifestId).toBe(manifest.manifestId);
    const [page] = await readPdf(manifest.pdf);
    expect(page?.texts).toEqual(
      expect.arrayContaining(['End-of-day manifest', 'AISMI010000042X', 'AISMI010000043V', '3.75 kg']),
    );
    const empty = await errorOf(carrier.closeDay({ ...request, shipments: [] }));
    expect(empty).toMatchObject({ code: carrierErrorCodes.nothingToClose, statusCode: 409 });
  });

  it('voids without error, again and again', async () => {
    const carrier = createOwnFleetCarrier({ nextSequence: counter() });
    const voidRequest = {
      storeId: 'MI01',
      carrierShipmentId: 'AISMI010000042X',
      trackingNumbers: ['AISMI010000042X'],
    };
    await expect(carrier.voidShipment(voidRequest)).resolves.toBeUndefined();
    await expect(carrier.voidShipment(voidRequest)).resolves.toBeUndefined();
  });
});
