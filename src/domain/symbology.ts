/**
 * The barcode formats a decoder can report, named as @zxing/library's BarcodeFormat keys so the
 * decoder passes `BarcodeFormat[result.getBarcodeFormat()]` straight through (zxing-wasm's
 * "UPC-E", "EAN-13", "Code128"... map one to one). The scan rules only need a hint where the
 * digits alone are ambiguous: an 8-digit UPC-E reads like an EAN-8.
 */
export const symbologies = [
  'UPC_A',
  'UPC_E',
  'EAN_8',
  'EAN_13',
  'ITF',
  'CODE_128',
  'CODE_39',
  'CODE_93',
  'CODABAR',
  'DATA_MATRIX',
  'QR_CODE',
  'PDF_417',
  'AZTEC',
  'RSS_14',
  'RSS_EXPANDED',
] as const;

export type Symbology = (typeof symbologies)[number];

export function isSymbology(value: string): value is Symbology {
  return (symbologies as readonly string[]).includes(value);
}
