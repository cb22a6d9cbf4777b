import { z } from 'zod';
import { packageTypes } from '../domain/packing';

// Ship-from-store on the wire: packages as packed, the shipment booked with a carrier, and the
// end-of-day manifest. The ranges are checked by the domain rules (src/domain/packing.ts),
// which answer with stable pack.* codes; the schemas only guard the shape.

const grams = z.number().int().min(0).max(1_000_000);
const millimetres = z.number().int().min(0).max(100_000);

export const packageInput = z.object({
  type: z.enum(packageTypes),
  weightGrams: grams.describe('Whole grams, as weighed'),
  lengthMm: millimetres.optional().describe('Outside size; standard packaging has a default'),
  widthMm: millimetres.optional(),
  heightMm: millimetres.optional(),
});
export type PackageInputBody = z.infer<typeof packageInput>;

export const packOrderBody = z.object({ packages: z.array(packageInput).max(50) });

export const packedPackage = z.object({
  packageNumber: z.number(),
  type: z.enum(packageTypes),
  weightGrams: z.number(),
  lengthMm: z.number(),
  widthMm: z.number(),
  heightMm: z.number(),
});

/** What a device keeps of a booked shipment: enough to show and scan the tracking numbers. */
export const shipmentSummary = z.object({
  id: z.string(),
  carrierId: z.string(),
  carrierName: z.string(),
  service: z.string(),
  serviceName: z.string(),
  shipDate: z.string().describe('YYYY-MM-DD in the store time zone'),
  bookedAt: z.string(),
  packages: z.array(z.object({ packageNumber: z.number(), trackingNumber: z.string() })),
});
export type ShipmentSummary = z.infer<typeof shipmentSummary>;

export const createShipmentBody = z
  .object({
    service: z.string().trim().min(1).max(32).optional().describe("One of the carrier's service codes"),
  })
  .nullish();

export const shipmentResponse = z
  .object({ created: z.boolean(), shipment: shipmentSummary })
  .meta({ id: 'ShipmentResponse' });
export type ShipmentResponse = z.infer<typeof shipmentResponse>;

export const manifestRow = z.object({
  trackingNumber: z.string(),
  orderNumber: z.string(),
  packageNumber: z.number(),
  packageCount: z.number(),
  weightGrams: z.number(),
  destinationPostcode: z.string(),
  destinationCity: z.string(),
  destinationCountry: z.string(),
  service: z.string(),
});
export type ManifestRowView = z.infer<typeof manifestRow>;

export const manifestTotals = z.object({
  shipments: z.number(),
  packages: z.number(),
  weightGrams: z.number(),
});

export const manifestListItem = z.object({
  id: z.string(),
  carrierId: z.string(),
  carrierName: z.string(),
  carrierManifestId: z.string(),
  shipDate: z.string(),
  totals: manifestTotals,
  createdAt: z.string(),
});
export type ManifestListItem = z.infer<typeof manifestListItem>;

export const manifestView = manifestListItem.extend({ rows: z.array(manifestRow) }).meta({ id: 'Manifest' });
export type ManifestView = z.infer<typeof manifestView>;

export const manifestsQuery = z.object({
  date: z.iso.date().optional().describe('YYYY-MM-DD; today in the store time zone when absent'),
});

export const manifestsResponse = z
  .object({
    date: z.string(),
    pending: z
      .object({ rows: z.array(manifestRow), totals: manifestTotals })
      .describe('Shipped packages not yet on a manifest: what closing the day would take'),
    awaitingShip: z
      .array(z.object({ orderId: z.string(), orderNumber: z.string() }))
      .describe('Labelled orders not marked shipped yet: they stay out of the manifest'),
    manifests: z.array(manifestListItem).describe("The day's closed manifests, newest first"),
  })
  .meta({ id: 'ManifestsOfDay' });
export type ManifestsResponse = z.infer<typeof manifestsResponse>;

export const closeManifestBody = z
  .object({
    language: z.enum(['it', 'en']).optional().describe('Of the printed manifest; Italian by default'),
  })
  .nullish();

export const closeManifestResponse = z
  .object({ manifests: z.array(manifestView).describe('One per carrier with parcels; usually one') })
  .meta({ id: 'ClosedManifests' });
export type CloseManifestResponse = z.infer<typeof closeManifestResponse>;
