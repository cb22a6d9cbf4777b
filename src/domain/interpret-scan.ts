import { isDomainError } from './domain-error';
import { gs1SymbologyIds, GS } from './gs1-element-string';
import { parseGs1Message } from './gs1-message';
import type { Gs1Message } from './gs1-message';
import { hasValidGs1CheckDigit } from './gtin-check-digit';
import { parseGtin } from './gtin';
import type { GtinKind } from './gtin';
import { parseLocationLabel, LOCATION_PREFIX } from './location-label';
import type { StoreLocation } from './location-label';
import { handoverErrorCodes, parsePickupInput } from './pickup-pass';
import { parseSignedPass, SIGNED_PASS_PREFIX } from './signed-pickup-pass';
import type { SignedPickupPass } from './signed-pickup-pass';
import type { Symbology } from './symbology';
import { recogniseTrackingNumber } from './tracking-number';
import type { TrackingNumber } from './tracking-number';
import {
  defaultVariableMeasureLayouts,
  parseVariableMeasure,
  variableMeasureLayoutFor,
} from './variable-measure';
import type { VariableMeasureCode, VariableMeasureLayout } from './variable-measure';

export const scanErrorCodes = {
  empty: 'scan.empty',
  unrecognised: 'scan.unrecognised',
} as const;

export interface InterpretScanOptions {
  /** The format the decoder read: UPC_E expands 8 digits; a 1D non-retail format breaks GTIN/FedEx ties. */
  symbology?: Symbology;
  /** The decoder saw FNC1 in first position (zxing-wasm reports contentType "GS1"). */
  gs1?: boolean;
  /** Layouts for 20–29 in-store codes, first match wins. Default: the Italian price layout. */
  variableMeasureLayouts?: readonly VariableMeasureLayout[];
  /** The year 2-digit GS1 dates are read from; defaults to the clock. */
  referenceYear?: number;
}

export type ScannedPass =
  { version: 1; orderNumber: string; code: string } | ({ version: 2 } & SignedPickupPass);

export type ScanInterpretation =
  | { kind: 'gtin'; text: string; gtin14: string; source: GtinKind; alsoTracking?: TrackingNumber }
  | { kind: 'gs1'; text: string; gtin14?: string; message: Gs1Message }
  | ({ kind: 'variableMeasure'; text: string } & VariableMeasureCode)
  | { kind: 'location'; text: string; location: StoreLocation }
  | { kind: 'pickupPass'; text: string; pass: ScannedPass }
  | ({ kind: 'tracking'; text: string } & TrackingNumber)
  | { kind: 'unknown'; text: string; reason: string };

/** 1D formats that carry parcel numbers but no retail GTIN. */
const nonRetailLinear: readonly (Symbology | undefined)[] = [
  'CODE_128',
  'CODE_39',
  'CODE_93',
  'CODABAR',
  'PDF_417',
];

/** Runs a parser that throws DomainErrors; a DomainError becomes "unknown" with its code. */
function orUnknown(text: string, parse: () => ScanInterpretation): ScanInterpretation {
  try {
    return parse();
  } catch (error) {
    if (isDomainError(error)) return { kind: 'unknown', text, reason: error.code };
    throw error;
  }
}

function looksLikeGs1(text: string, options: InterpretScanOptions): boolean {
  return (
    options.gs1 === true ||
    options.symbology === 'RSS_EXPANDED' ||
    (gs1SymbologyIds as readonly string[]).includes(text.slice(0, 3)) ||
    text.includes(GS) ||
    /^\(\d{2,4}\)/.test(text)
  );
}

function gs1(text: string, options: InterpretScanOptions): ScanInterpretation {
  return orUnknown(text, () => {
    const message = parseGs1Message(text, { referenceYear: options.referenceYear });
    return { kind: 'gs1', text, ...(message.gtin14 ? { gtin14: message.gtin14 } : {}), message };
  });
}

function pickupPass(text: string): ScanInterpretation {
  return orUnknown(text, () => {
    if (text.startsWith(SIGNED_PASS_PREFIX)) {
      return { kind: 'pickupPass', text, pass: { version: 2, ...parseSignedPass(text) } };
    }
    const input = parsePickupInput(text);
    if (input.kind !== 'pass') return { kind: 'unknown', text, reason: handoverErrorCodes.badPass };
    return {
      kind: 'pickupPass',
      text,
      pass: { version: 1, orderNumber: input.orderNumber, code: input.code },
    };
  });
}

function digits(text: string, options: InterpretScanOptions): ScanInterpretation {
  if (options.symbology === 'UPC_E') {
    const upcE = parseGtin(text, { symbology: 'UPC_E' });
    return upcE.ok
      ? { kind: 'gtin', text, gtin14: upcE.gtin14, source: upcE.kind }
      : { kind: 'unknown', text, reason: upcE.code };
  }
  const tracking = recogniseTrackingNumber(text);
  const gtin = parseGtin(text);
  if (gtin.ok) {
    const layouts = options.variableMeasureLayouts ?? defaultVariableMeasureLayouts;
    const ean13 = gtin.gtin14.slice(1);
    if (gtin.gtin14.startsWith('02') && variableMeasureLayoutFor(ean13, layouts)) {
      return orUnknown(text, () => ({
        kind: 'variableMeasure',
        text,
        ...parseVariableMeasure(ean13, layouts),
      }));
    }
    // Both check digits pass (1 code in ~110): a retail symbol says GTIN, a Code 128 says parcel.
    if (tracking && nonRetailLinear.includes(options.symbology))
      return { kind: 'tracking', text, ...tracking };
    return {
      kind: 'gtin',
      text,
      gtin14: gtin.gtin14,
      source: gtin.kind,
      ...(tracking ? { alsoTracking: tracking } : {}),
    };
  }
  // "00" + SSCC read without its FNC1: a pallet label, before a 20-digit USPS number (same check).
  if (text.length === 20 && text.startsWith('00') && hasValidGs1CheckDigit(text.slice(2))) {
    return gs1(text, options);
  }
  if (tracking) return { kind: 'tracking', text, ...tracking };
  const reason = gtin.code === 'gtin.badLength' ? scanErrorCodes.unrecognised : gtin.code;
  return { kind: 'unknown', text, reason };
}

/**
 * What a scanned code means. Rules, in order (the first that claims the text decides):
 *  1. Empty after trimming whitespace (not GS) → unknown "scan.empty".
 *  2. GS1 element string: a GS1 symbology identifier (]C1 ]e0 ]d2 ]Q3 ]J1), the decoder's GS1
 *     flag, DataBar Expanded, a GS anywhere, or "(" + AI + ")" → gs1, or unknown with the
 *     gs1.* code. Any other leading AIM identifier (]E0, ]C0, ]Q1...) is dropped before 3–7.
 *  3. "AISLE:PASS:1:" / "AISLE:PASS:2:" → pickupPass (v2's signature not yet verified); any
 *     other "AISLE:" text → unknown "handover.badPass".
 *  4. "LOC:" → location, or unknown with the location.* code.
 *  5. Digits only:
 *     a. decoder said UPC_E → gtin (expanded to UPC-A) or unknown with the gtin.* code;
 *     b. a valid GTIN-8/12/13/14 whose EAN-13 starts with 2 and matches a variable-measure
 *        layout → variableMeasure (a 2x code no layout claims stays a gtin);
 *     c. a valid GTIN → gtin. When a 12-digit code is also a valid FedEx number, the
 *        symbology breaks the tie: Code 128/39/93, Codabar, PDF417 → tracking; otherwise gtin
 *        with `alsoTracking`, as products are far more often scanned in a store;
 *     d. 20 digits "00" + valid SSCC → gs1 (a GS1-128 pallet label read without FNC1);
 *     e. a carrier format with a valid check digit → tracking;
 *     f. else unknown: gtin.badCheckDigit for GTIN lengths, scan.unrecognised otherwise.
 *  6. Aisle fleet, UPS 1Z, UPU S10 (or digits typed with spaces) with a valid check → tracking.
 *  7. Otherwise unknown "scan.unrecognised".
 */
export function interpretScan(raw: string, options: InterpretScanOptions = {}): ScanInterpretation {
  let text = raw.trim();
  if (text === '') return { kind: 'unknown', text, reason: scanErrorCodes.empty };
  if (looksLikeGs1(text, options)) return gs1(text, options);
  if (/^\][A-Za-z][0-9A-Za-z]/.test(text)) text = text.slice(3);
  if (text.startsWith('AISLE:')) return pickupPass(text);
  if (text.startsWith(LOCATION_PREFIX)) {
    return orUnknown(text, () => ({ kind: 'location', text, location: parseLocationLabel(text) }));
  }
  if (/^\d+$/.test(text)) return digits(text, options);
  const tracking = recogniseTrackingNumber(text);
  if (tracking) return { kind: 'tracking', text, ...tracking };
  return { kind: 'unknown', text, reason: scanErrorCodes.unrecognised };
}
