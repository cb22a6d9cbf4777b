import { BarcodeFormat } from '../decode/barcode-format';

// How a shelf is read (find and count, docs/decisions/0036-multi-code-tracking.md); the
// benchmarks (bench/scan-time.ts) read their shelves with the same settings.

/** Codes per frame: a shelf of 12 and a margin. */
export const SHELF_MAX_SYMBOLS = 24;
/** A shelf frame is decoded at most this wide: 12 labels stay readable, at half the cost of 1280. */
export const SHELF_DECODE_WIDTH = 960;
/** What products carry: retail EAN/UPC, and GS1-128 on cases. */
export const shelfFormats: readonly BarcodeFormat[] = [
  BarcodeFormat.EAN_13,
  BarcodeFormat.EAN_8,
  BarcodeFormat.UPC_A,
  BarcodeFormat.UPC_E,
  BarcodeFormat.CODE_128,
];
