import { createHash } from 'node:crypto';
import { formatFleetTrackingNumber } from '../../domain/fleet-tracking-number';
import type { CarrierAdapter, CarrierService, ShipmentRequest } from './carrier';
import { CarrierError, carrierErrorCodes } from './carrier-error';
import { summariseManifest } from './manifest';
import { renderManifest } from './manifest-pdf';
import { renderShippingLabel } from './shipping-label';

/*
 * Aisle's own fleet: the store's vans deliver in Italy. It works with no account and no network:
 * tracking numbers are AIS + store + sequence + check (src/domain/fleet-tracking-number.ts),
 * labels and manifests are drawn here. The only state is the per-store sequence, which the
 * caller provides (a database sequence in production, a counter in tests).
 *
 * Idempotency: the adapter runs in-process, so no answer is ever lost on the way back; the app
 * records the tracking numbers it gets and does not call again for a package that has one. A
 * call that fails midway may have used sequence numbers: that leaves a gap, never a duplicate.
 */

export interface OwnFleetOptions {
  /** The store's next fleet sequence number, 1 to 9,999,999; never the same number twice. */
  nextSequence(storeId: string): Promise<number>;
}

export const ownFleetLimits = {
  minGrams: 1,
  maxGrams: 30_000,
  maxSideMm: 1_200,
} as const;

const services: readonly CarrierService[] = [
  { code: 'same-day', name: 'Same day' },
  { code: 'next-day', name: 'Next day' },
];

export const ownFleetCarrierId = 'aisle-fleet';

export function createOwnFleetCarrier({ nextSequence }: OwnFleetOptions): CarrierAdapter {
  const carrier = { id: ownFleetCarrierId, name: 'Aisle Fleet', services };
  return {
    ...carrier,
    async createShipment(request) {
      const service = check(request);
      const numbers: string[] = [];
      for (let i = 0; i < request.packages.length; i++) {
        numbers.push(formatFleetTrackingNumber(request.storeId, await nextSequence(request.storeId)));
      }
      const packages = await Promise.all(
        request.packages.map(async (pkg, i) => {
          const trackingNumber = numbers[i] as string;
          const pdf = await renderShippingLabel({
            carrierName: carrier.name,
            serviceName: service.name,
            trackingNumber,
            orderNumber: request.reference,
            packageNumber: pkg.packageNumber,
            packageCount: request.packages.length,
            weightGrams: pkg.weightGrams,
            shipDate: request.shipDate,
            from: request.from,
            to: request.to,
          });
          return {
            idempotencyKey: pkg.idempotencyKey,
            packageNumber: pkg.packageNumber,
            trackingNumber,
            label: { kind: 'pdf' as const, pdf },
          };
        }),
      );
      // One shipment, one id: its first package's number, which is unique per store.
      return { carrierShipmentId: numbers[0] as string, packages };
    },

    // Nothing was booked anywhere else: voiding is the app marking its record, which it does.
    async voidShipment() {},

    async closeDay(request) {
      if (request.shipments.length === 0) {
        throw new CarrierError(carrierErrorCodes.nothingToClose, 'No shipment to close for this day', {
          storeId: request.storeId,
          shipDate: request.shipDate,
        });
      }
      const summary = summariseManifest(request.shipments);
      // The same shipments give the same id: closing again after a lost answer is harmless.
      const digest = createHash('sha256')
        .update(summary.rows.map((row) => row.trackingNumber).join('\n'))
        .digest('hex')
        .slice(0, 6)
        .toUpperCase();
      const manifestId = `${request.storeId}-${request.shipDate.replaceAll('-', '')}-${digest}`;
      const pdf = await renderManifest({
        language: request.language,
        carrierName: carrier.name,
        manifestId,
        shipDate: request.shipDate,
        from: request.from,
        summary,
      });
      return { manifestId, pdf };
    },
  };
}

/** The service asked for, after the checks a van driver would make at the door. */
function check(request: ShipmentRequest): CarrierService {
  const service = services.find((s) => s.code === request.service);
  if (!service) {
    throw new CarrierError(carrierErrorCodes.serviceNotOffered, `Unknown service ${request.service}`, {
      service: request.service,
      offered: services.map((s) => s.code),
    });
  }
  if (!/^[A-Z0-9]{4}$/.test(request.storeId)) {
    throw new CarrierError(carrierErrorCodes.notConfigured, 'Own fleet needs a 4-character store code', {
      storeId: request.storeId,
    });
  }
  if (request.packages.length === 0) {
    throw new CarrierError(carrierErrorCodes.rejected, 'A shipment needs at least one package');
  }
  if (request.to.country.toUpperCase() !== 'IT') {
    throw new CarrierError(carrierErrorCodes.addressRejected, 'The own fleet delivers in Italy only', {
      field: 'country',
    });
  }
  if (!/^\d{5}$/.test(request.to.postcode)) {
    throw new CarrierError(carrierErrorCodes.addressRejected, 'An Italian postcode has 5 digits', {
      field: 'postcode',
    });
  }
  for (const pkg of request.packages) {
    const { minGrams, maxGrams, maxSideMm } = ownFleetLimits;
    if (!Number.isInteger(pkg.weightGrams) || pkg.weightGrams < minGrams || pkg.weightGrams > maxGrams) {
      throw new CarrierError(
        carrierErrorCodes.weightOutOfRange,
        `Package ${pkg.packageNumber} weighs out of range`,
        {
          packageNumber: pkg.packageNumber,
          weightGrams: pkg.weightGrams,
          minGrams,
          maxGrams,
        },
      );
    }
    const { lengthMm, widthMm, heightMm } = pkg.dimensions;
    if ([lengthMm, widthMm, heightMm].some((side) => !(side > 0 && side <= maxSideMm))) {
      throw new CarrierError(
        carrierErrorCodes.dimensionsOutOfRange,
        `Package ${pkg.packageNumber} is too large`,
        {
          packageNumber: pkg.packageNumber,
          maxSideMm,
        },
      );
    }
  }
  return service;
}
