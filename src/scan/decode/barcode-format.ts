/**
 * The symbologies Aisle reads from the camera: retail GTINs (EAN/UPC), logistics and shelf
 * labels (Code 128 incl. GS1-128, Code 39, ITF-14) and 2D codes (QR, Data Matrix incl. GS1).
 * Our own names, so neither engine's enum leaks into the app.
 */
export const BarcodeFormat = {
  EAN_13: 'EAN_13',
  EAN_8: 'EAN_8',
  UPC_A: 'UPC_A',
  UPC_E: 'UPC_E',
  CODE_128: 'CODE_128',
  CODE_39: 'CODE_39',
  ITF: 'ITF',
  QR_CODE: 'QR_CODE',
  DATA_MATRIX: 'DATA_MATRIX',
} as const;

export type BarcodeFormat = (typeof BarcodeFormat)[keyof typeof BarcodeFormat];

export const allBarcodeFormats: readonly BarcodeFormat[] = Object.values(BarcodeFormat);

export function isBarcodeFormat(value: string): value is BarcodeFormat {
  return (allBarcodeFormats as readonly string[]).includes(value);
}

/** The EAN/UPC family: results that name a GTIN. */
export const gtinFormats: readonly BarcodeFormat[] = [
  BarcodeFormat.EAN_13,
  BarcodeFormat.EAN_8,
  BarcodeFormat.UPC_A,
  BarcodeFormat.UPC_E,
];
