import type { BarcodeFormat } from './decode/barcode-format';

/** How a code reached the app. All three feed the same handler of the scan step. */
export type ScanSource = 'camera' | 'wedge' | 'typed';

export interface ScannedCode {
  text: string;
  source: ScanSource;
  /** The symbology, when the camera decoder read it; a wedge scanner or a keyboard does not say. */
  format?: BarcodeFormat;
  /** The decoder saw GS1 element strings (FNC1 first). */
  isGs1?: boolean;
}
