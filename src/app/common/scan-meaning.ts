import { inboundParcelKey } from '../../domain/inbound-parcel';
import { receiveErrorCodes } from '../../domain/receive-errors';
import { interpretScan, type ScanInterpretation } from '../../domain/interpret-scan';
import type { ScannedCode } from '../../scan/scanned-code';
import { scanMeaningErrorCodes } from '../../contract/device-error-codes';

export { scanMeaningErrorCodes };

export type Meaning<T> =
  { ok: true; value: T; interpretation: ScanInterpretation } | { ok: false; code: string };

/** What the code says, with the symbology the camera read (a wedge or keyboard does not say). */
export function interpret(scan: ScannedCode): ScanInterpretation {
  // The decoder hands a UPC-E over already expanded to its 12-digit UPC-A.
  const symbology = scan.format === 'UPC_E' && scan.text.trim().length !== 8 ? undefined : scan.format;
  return interpretScan(scan.text, { symbology, gs1: scan.isGs1 });
}

/**
 * The GTIN-14 a pick step matches against the order: from a retail barcode, a GS1 DataMatrix
 * or GS1-128 (AI 01), or an in-store weight/price label (its item, value digits zeroed).
 * Anything else is refused with words for what it is.
 */
export function productCodeOf(scan: ScannedCode): Meaning<string> {
  const interpretation = interpret(scan);
  const ok = (value: string) => ({ ok: true as const, value, interpretation });
  switch (interpretation.kind) {
    case 'gtin':
      return ok(interpretation.gtin14);
    case 'gs1':
      return interpretation.gtin14
        ? ok(interpretation.gtin14)
        : { ok: false, code: scanMeaningErrorCodes.notAProduct };
    case 'variableMeasure':
      return ok(interpretation.lookupGtin14);
    case 'location':
      return { ok: false, code: scanMeaningErrorCodes.locationLabel };
    case 'pickupPass':
      return { ok: false, code: scanMeaningErrorCodes.pickupPass };
    case 'tracking':
      return { ok: false, code: scanMeaningErrorCodes.trackingNumber };
    case 'unknown':
      return { ok: false, code: interpretation.reason };
  }
}

/**
 * The staging location a stage step files the order under: a printed staging label of this
 * store, or the bare code typed or scanned from an older label ("MI01-A03").
 */
export function stagingCodeOf(scan: ScannedCode, storeId: string): Meaning<string> {
  const interpretation = interpret(scan);
  if (interpretation.kind === 'location') {
    const { location } = interpretation;
    if (location.storeCode !== storeId) return { ok: false, code: scanMeaningErrorCodes.otherStore };
    if (location.kind !== 'staging') return { ok: false, code: scanMeaningErrorCodes.notALocation };
    return { ok: true, value: location.stagingCode, interpretation };
  }
  if (interpretation.kind === 'unknown' && /^[A-Z0-9][A-Z0-9-]{1,31}$/i.test(interpretation.text)) {
    return { ok: true, value: interpretation.text.toUpperCase(), interpretation };
  }
  return { ok: false, code: scanMeaningErrorCodes.notALocation };
}

/**
 * The key a ship-to-store order stores for its parcel (inboundParcelKey): an SSCC from a
 * GS1-128 label, or a carrier tracking number. A product or shelf label is refused.
 */
export function parcelKeyOf(scan: ScannedCode): Meaning<string> {
  const interpretation = interpret(scan);
  const symbology = scan.format === 'UPC_E' ? undefined : scan.format;
  const key = inboundParcelKey(scan.text, { symbology, gs1: scan.isGs1 });
  return key === undefined
    ? { ok: false, code: receiveErrorCodes.badInboundTracking }
    : { ok: true, value: key, interpretation };
}

export type ScanKind = 'product' | 'location' | 'pickupPass' | 'parcel';

/**
 * What a code is, whatever the step wanted: a product barcode, a shelf label, a pickup pass or
 * a parcel number; null when it is none of them. A step that refuses a known code titles the
 * refusal with it ("This is a shelf label") instead of "Unknown code".
 */
export function scanKindOf(scan: ScannedCode): ScanKind | null {
  const interpretation = interpret(scan);
  switch (interpretation.kind) {
    case 'gtin':
    case 'variableMeasure':
      return 'product';
    case 'gs1':
      if (interpretation.gtin14) return 'product';
      return parcelKeyOf(scan).ok ? 'parcel' : null;
    case 'location':
      return 'location';
    case 'pickupPass':
      return 'pickupPass';
    case 'tracking':
      return 'parcel';
    case 'unknown':
      return null;
  }
}
