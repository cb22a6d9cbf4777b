import type { BarcodeFormat } from './barcode-format';

export interface Point {
  x: number;
  y: number;
}

/** Where the code lies, in the pixels of the whole frame (not of the crop region). */
export interface Corners {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

export interface DecodedBarcode {
  /**
   * The content. GS1 element strings keep their separators as ASCII 29 (`\u001d`), without the
   * leading FNC1. EAN/UPC give the GTIN digits; a UPC-E is expanded to its 12-digit UPC-A, so
   * it is never mistaken for an EAN-8 of the same length.
   */
  text: string;
  format: BarcodeFormat;
  /** The AIM symbology identifier, e.g. "]C1" (GS1-128), "]d2" (GS1 DataMatrix), "]Q3" (GS1 QR). */
  symbologyIdentifier?: string;
  /** True when the symbol carries GS1 element strings (FNC1 in first position). */
  isGs1: boolean;
  /** Absent when the engine does not report them (the JS fallback). */
  corners?: Corners;
}
