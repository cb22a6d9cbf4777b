import type { ManifestShipment } from './carrier';

/** One package on the day's manifest: JSON-able, for the screen as for the PDF. */
export interface ManifestRow {
  trackingNumber: string;
  orderNumber: string;
  packageNumber: number;
  packageCount: number;
  weightGrams: number;
  destinationPostcode: string;
  destinationCity: string;
  destinationCountry: string;
  service: string;
}

export interface ManifestTotals {
  shipments: number;
  packages: number;
  weightGrams: number;
}

export interface ManifestSummary {
  rows: ManifestRow[];
  totals: ManifestTotals;
}

/** The manifest's rows, one per package, ordered by order number then package number. */
export function summariseManifest(shipments: readonly ManifestShipment[]): ManifestSummary {
  const rows = shipments
    .flatMap((shipment) =>
      shipment.packages.map((pkg) => ({
        trackingNumber: pkg.trackingNumber,
        orderNumber: shipment.reference,
        packageNumber: pkg.packageNumber,
        packageCount: shipment.packages.length,
        weightGrams: pkg.weightGrams,
        destinationPostcode: shipment.to.postcode,
        destinationCity: shipment.to.city,
        destinationCountry: shipment.to.country.toUpperCase(),
        service: shipment.service,
      })),
    )
    .sort(
      (a, b) =>
        a.orderNumber.localeCompare(b.orderNumber, 'en', { numeric: true }) ||
        a.packageNumber - b.packageNumber,
    );
  return {
    rows,
    totals: {
      shipments: shipments.length,
      packages: rows.length,
      weightGrams: rows.reduce((sum, row) => sum + row.weightGrams, 0),
    },
  };
}
