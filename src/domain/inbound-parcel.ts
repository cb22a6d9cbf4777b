import { interpretScan } from './interpret-scan';
import type { InterpretScanOptions } from './interpret-scan';

/**
 * The one form a ship-to-store parcel's number is stored and compared in, or undefined when the
 * code is neither an SSCC nor a carrier number with a valid check digit. An SSCC (GS1-128 "00"
 * label, with or without FNC1 and brackets) becomes "00" + its 18 digits; a carrier number
 * becomes the number the carrier's tracking page takes. So a typed number, a scanned label and
 * the platform's intake all meet on the same text.
 */
export function inboundParcelKey(raw: string, options: InterpretScanOptions = {}): string | undefined {
  const scan = interpretScan(raw, options);
  if (scan.kind === 'gs1') return scan.message.sscc ? `00${scan.message.sscc}` : undefined;
  if (scan.kind === 'tracking') return scan.trackingNumber;
  if (scan.kind === 'gtin' && scan.alsoTracking) return scan.alsoTracking.trackingNumber;
  return undefined;
}

/** Whether a scanned code is the parcel an order waits for. */
export function isExpectedParcel(
  raw: string,
  inboundTracking: string | null | undefined,
  options?: InterpretScanOptions,
): boolean {
  if (!inboundTracking) return false;
  const key = inboundParcelKey(raw, options);
  return key !== undefined && key === inboundTracking;
}
