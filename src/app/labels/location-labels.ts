import type { StagingLocation } from '../../contract/stores';
import { isDomainError } from '../../domain/domain-error';
import { formatLocationLabel, type StoreLocation } from '../../domain/location-label';
import type { StockBay } from '../../local-db/replica-read';

export type LabelSet = 'staging' | 'bays';

export type LocationLabel =
  | {
      key: string;
      encoded: string;
      location: StoreLocation & { kind: 'staging' };
      stagingKind: StagingLocation['kind'];
    }
  | { key: string; encoded: string; location: StoreLocation & { kind: 'stock' } };

/** The label text, or nothing for a place the label format cannot carry (it is left off the sheet). */
function encode(location: StoreLocation): string | undefined {
  try {
    return formatLocationLabel(location);
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}

export function stagingLabels(storeCode: string, locations: readonly StagingLocation[]): LocationLabel[] {
  return locations.flatMap((place) => {
    const location = { kind: 'staging' as const, storeCode, stagingCode: place.code };
    const encoded = encode(location);
    return encoded ? [{ key: place.code, encoded, location, stagingKind: place.kind }] : [];
  });
}

export function bayLabels(storeCode: string, bays: readonly StockBay[]): LocationLabel[] {
  return bays.flatMap(({ aisle, bay }) => {
    const location = { kind: 'stock' as const, storeCode, aisle, bay };
    const encoded = encode(location);
    return encoded ? [{ key: `${aisle}-${bay}`, encoded, location }] : [];
  });
}
