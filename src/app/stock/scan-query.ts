import type { ScannedCode } from '../../scan/scanned-code';
import { productCodeOf, scanMeaningErrorCodes } from '../common/scan-meaning';

export type ScanQuery = { ok: true; query: string } | { ok: false; code: string };

/** Codes that are plainly something else than a product: say what they are instead of searching. */
const notProducts = new Set<string>([
  scanMeaningErrorCodes.locationLabel,
  scanMeaningErrorCodes.pickupPass,
  scanMeaningErrorCodes.trackingNumber,
]);

/**
 * What the lookup searches for: a product barcode (scanned or typed, any GTIN length, a GS1
 * code, a weighed-item label) as its GTIN-14, anything typed as words or a SKU. A scanned shelf
 * label, pickup pass or parcel number is refused with words for what it is.
 */
export function queryOfScan(scan: ScannedCode): ScanQuery {
  const text = scan.text.trim();
  if (text === '') return { ok: false, code: scanMeaningErrorCodes.notAProduct };
  const meaning = productCodeOf(scan);
  if (meaning.ok) return { ok: true, query: meaning.value };
  if (scan.source !== 'typed' && notProducts.has(meaning.code)) return { ok: false, code: meaning.code };
  return { ok: true, query: text };
}
