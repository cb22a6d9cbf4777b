/** A point on the Earth in decimal degrees (WGS 84), as stores keep their location. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), which keeps the haversine error under 0.5 % anywhere. */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

function assertPoint(point: GeoPoint, name: string): void {
  if (!Number.isFinite(point.lat) || Math.abs(point.lat) > 90) {
    throw new RangeError(`${name}.lat must be a latitude in [-90, 90], got ${point.lat}`);
  }
  if (!Number.isFinite(point.lng) || Math.abs(point.lng) > 180) {
    throw new RangeError(`${name}.lng must be a longitude in [-180, 180], got ${point.lng}`);
  }
}

/**
 * The great-circle distance in km (haversine). Between stores a sphere is plenty: the answer
 * ranks "nearest first" and shows a rounded figure, not a driving distance.
 */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  assertPoint(from, 'from');
  assertPoint(to, 'to');
  const dLat = radians(to.lat - from.lat);
  const dLng = radians(to.lng - from.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The places with their distance from `origin`, nearest first. Ties keep the input order, so
 * a caller that passes stores sorted by id gets a stable answer for two stores in one mall.
 */
export function nearestFirst<T extends GeoPoint>(
  origin: GeoPoint,
  places: readonly T[],
): (T & { distanceKm: number })[] {
  return places
    .map((place, index) => ({ place, index, km: distanceKm(origin, place) }))
    .sort((a, b) => a.km - b.km || a.index - b.index)
    .map(({ place, km }) => ({ ...place, distanceKm: km }));
}
